import { runAsProcess } from "../tools/cli/io";
import { validateLogsMain } from "../tools/validate-logs/main";

runAsProcess((argv, io) => validateLogsMain(argv, io));
