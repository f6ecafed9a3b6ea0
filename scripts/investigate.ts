import { runAsProcess } from "../lib/cli/io";
import { main } from "../tools/investigate/cli";

runAsProcess(main);
