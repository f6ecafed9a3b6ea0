import { parseArgs } from "node:util";
import { type CommandIO, runAsProcess, UsageError } from "../cli/io";
import {
  formatReport,
  hasMandatoryViolation,
  PolicyCheckInputError,
  PolicyPackError,
  runPolicyCheck,
} from ".";

export const EXIT_PASSED = 0;
export const EXIT_MANDATORY_VIOLATION = 1;
export const EXIT_CANNOT_CHECK = 2;

const USAGE =
  "usage: npm run policy:check -- --state FILE [--policy-config FILE] [--pack DIR] [--json] [--type-check]";

/**
 * `npm run policy:check`: runs the policy pack over a state or plan file. Exit codes: 0 no mandatory
 * violation, 1 at least one mandatory violation, 2 the check could not run (bad arguments, a malformed state
 * or policy config, a pack that does not start or answer).
 */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const values = parseOptions(argv);
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_PASSED;
  }
  if (values.state === undefined)
    throw new UsageError(`missing --state FILE (the state or plan file)\n${USAGE}`);

  const progress = io.isTTY ? (message: string) => io.stderr(`${message}…`) : undefined;
  try {
    const report = await runPolicyCheck({
      statePath: values.state,
      ...(values.pack !== undefined ? { packDir: values.pack } : {}),
      ...(values["policy-config"] !== undefined ? { policyConfigPath: values["policy-config"] } : {}),
      compileMode: values["type-check"] ? "type-check" : "fast",
      ...(progress ? { onProgress: progress } : {}),
    });
    io.stdout(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return hasMandatoryViolation(report) ? EXIT_MANDATORY_VIOLATION : EXIT_PASSED;
  } catch (error) {
    if (error instanceof PolicyCheckInputError) {
      for (const line of error.lines) io.stderr(line);
      return EXIT_CANNOT_CHECK;
    }
    if (error instanceof PolicyPackError) {
      io.stderr(error.message);
      return EXIT_CANNOT_CHECK;
    }
    // Anything else is a bug here, but it still means nothing was checked: never report it as exit 1.
    io.stderr(`policy check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_CANNOT_CHECK;
  }
}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        state: { type: "string" },
        "policy-config": { type: "string" },
        pack: { type: "string" },
        json: { type: "boolean", default: false },
        "type-check": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

if (require.main === module) runAsProcess(main);
