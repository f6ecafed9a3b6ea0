import { runAsProcess } from "../tools/cli/io";
import { main } from "../tools/policy-check/command";

runAsProcess(main);
