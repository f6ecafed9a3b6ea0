import { runAsProcess } from "../tools/cli/io";
import { main } from "../tools/policy-build/command";

runAsProcess(main);
