import { runAsProcess } from "../tools/cli/io";
import { main } from "../tools/plan/command";

runAsProcess(main);
