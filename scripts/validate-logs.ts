import { runAsProcess } from "../tools/cli/io";
import { validateLogsMain } from "../tools/validate-logs/command";

// The SDK's notice that it will need a newer Node one day is not the command's to print on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
runAsProcess((argv, io) => validateLogsMain(argv, io));
