import type { Command } from "commander";
import { defineCommand, jsonOption, runCommand } from "../cli/command";
import { type CommandIO, UsageError } from "../cli/io";
import type { PolicyViolation } from "./report";
import type { StackPolicyConfig } from "./stack-policy-config";

export const EXIT_PASSED = 0;
export const EXIT_MANDATORY_VIOLATION = 1;
export const EXIT_CANNOT_CHECK = 2;

/** The policy check's flags; `--help` and usage errors answer before the gRPC stack loads. */
export function policyCheckCommand(): Command {
  return defineCommand({
    name: "policy:check",
    summary:
      "Runs the policy pack over a state or plan file through the real Analyzer gRPC protocol, " +
      "without credentials or the Pulumi CLI.",
    exitCodes: {
      [EXIT_PASSED]: "no mandatory violation",
      [EXIT_MANDATORY_VIOLATION]: "at least one mandatory violation",
      [EXIT_CANNOT_CHECK]:
        "could not check: bad usage, a malformed state or policy config, a pack that does not start or answer",
    },
  })
    .option("--state <file>", "the state or plan file (`pulumi stack export` format); required")
    .option("--policy-config <file>", "policy config file (`pulumi preview --policy-pack-config` format)")
    .option("--pack <dir>", "the policy pack directory (default: this repository's policy-pack/)")
    .addOption(jsonOption())
    .option(
      "--type-check",
      "type-check the pack as `pulumi preview` does (slower) instead of transpiling it",
    );
}

interface PolicyCheckOptions {
  state?: string;
  policyConfig?: string;
  pack?: string;
  json?: boolean;
  typeCheck?: boolean;
}

/** What `npm run plan` adds when it checks the stack it planned. */
export interface PlannedStack {
  readonly stackPolicyConfig?: StackPolicyConfig;
  readonly configKeyOf?: (violation: PolicyViolation) => string | undefined;
}

/** `npm run policy:check`: runs the policy pack over a state or plan file. */
export function main(argv: string[], io: CommandIO, fromPlan: PlannedStack = {}): Promise<number> {
  return runCommand<PolicyCheckOptions>(policyCheckCommand(), argv, io, (options) =>
    check(options, io, fromPlan),
  );
}

async function check(options: PolicyCheckOptions, io: CommandIO, fromPlan: PlannedStack): Promise<number> {
  if (options.state === undefined) throw new UsageError("missing --state FILE (the state or plan file)");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const policyCheck = require(".") as typeof import(".");
  const progress = io.isTTY ? (message: string) => io.stderr(`${message}…`) : undefined;
  try {
    const report = await policyCheck.runPolicyCheck({
      statePath: options.state,
      ...(options.pack !== undefined ? { packDir: options.pack } : {}),
      ...(options.policyConfig !== undefined ? { policyConfigPath: options.policyConfig } : {}),
      ...(fromPlan.stackPolicyConfig ? { stackPolicyConfig: fromPlan.stackPolicyConfig } : {}),
      compileMode: options.typeCheck ? "type-check" : "fast",
      ...(progress ? { onProgress: progress } : {}),
    });
    io.stdout(
      options.json ? JSON.stringify(report, null, 2) : policyCheck.formatReport(report, fromPlan.configKeyOf),
    );
    return policyCheck.hasMandatoryViolation(report) ? EXIT_MANDATORY_VIOLATION : EXIT_PASSED;
  } catch (error) {
    if (error instanceof policyCheck.PolicyCheckInputError) {
      for (const line of error.lines) io.stderr(line);
      return EXIT_CANNOT_CHECK;
    }
    if (error instanceof policyCheck.PolicyPackError) {
      io.stderr(error.message);
      return EXIT_CANNOT_CHECK;
    }
    // Anything else is a bug here, but it still means nothing was checked: never report it as exit 1.
    io.stderr(`policy check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_CANNOT_CHECK;
  }
}
