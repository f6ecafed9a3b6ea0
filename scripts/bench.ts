import { runAsProcess } from "../tools/cli/io";
import { main } from "../tools/bench/command";

runAsProcess(main);
