import { runAsProcess } from "../tools/cli/io";
import { main } from "../tools/investigate/cli";

runAsProcess(main);
