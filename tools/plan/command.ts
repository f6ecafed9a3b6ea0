import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Command } from "commander";
import { defineCommand, jsonOption, outOption, runCommand } from "../cli/command";
import { type CommandIO, UsageError } from "../cli/io";
import type { PlannedStack } from "../policy-check/command";

/** The plan's flags; `--help` and usage errors answer from this alone, before the program loads. */
export function planCommand(): Command {
  return defineCommand({
    name: "plan",
    summary:
      "Runs the program under Pulumi's mock runtime (nothing reaches AWS), prints what it would create, " +
      "writes it in `pulumi stack export` format, then runs the policy pack over it.",
    exitCodes: {
      0: "planned, and no mandatory policy violation",
      1:
        "the program does not type-check, the stack's config or organization is wrong, a protected resource " +
        "of --previous would be replaced, or a mandatory policy is violated",
      2: "could not run: bad usage, or the policy check could not run",
    },
  })
    .option("--stack <name>", "the stack whose `Pulumi.<name>.yaml` to plan", "prod")
    .option("--config-file <file>", "another stack config file, like `pulumi --config-file`")
    .option(
      "--org-snapshot <file>",
      "the organization snapshot to plan against (default: the stack's snapshotFile, else " +
        "organization.snapshot.json at the project root, else the shipped sample)",
    )
    .addOption(outOption("also write the plan in `pulumi stack export` format to this file"))
    .addOption(jsonOption())
    .option(
      "--details",
      "print long settings (filter patterns, lifecycle rules) in full instead of cutting them at 120 columns",
    )
    .option(
      "--previous <file>",
      "the stack's last `pulumi stack export`: warn, and exit 1, when the plan would replace a protected resource of it",
    )
    .option("--no-policy", "skip the policy check that ends the plan")
    .option("--no-type-check", "skip the (cached) type-check of the program that `pulumi up` would do")
    .option(
      "--policy-config <file>",
      "policy config file for the check (`pulumi preview --policy-pack-config`)",
    );
}

interface PlanOptions {
  stack: string;
  configFile?: string;
  orgSnapshot?: string;
  out?: string;
  json?: boolean;
  details?: boolean;
  previous?: string;
  policy: boolean;
  typeCheck: boolean;
  policyConfig?: string;
}

/** `npm run plan`: the program under Pulumi's mock runtime, printed, optionally exported, then policy-checked. */
export function main(
  argv: string[],
  io: CommandIO,
  projectDir = path.join(__dirname, "..", ".."),
): Promise<number> {
  return runCommand<PlanOptions>(planCommand(), argv, io, (options) => plan(options, io, projectDir));
}

async function plan(options: PlanOptions, io: CommandIO, projectDir: string): Promise<number> {
  if (options.typeCheck) {
    if (io.isTTY) io.stderr("type-checking the program as `pulumi up` would…");
    const { errors } = loadTypeCheck().typeCheckProgram(projectDir);
    if (errors.length > 0) {
      for (const error of errors) io.stderr(error);
      io.stderr(
        `the program does not type-check (${errors.length} errors): \`pulumi up\` would stop here too`,
      );
      return 1;
    }
  }
  const {
    PlanFailedError,
    runPlan,
    StackFileError,
    formatPlan,
    toStackExport,
    PLAN_YOUR_ORGANIZATION,
    stackPolicyConfig,
    configKeyOf,
  } = loadPlanModules();
  if (io.isTTY) io.stderr(`planning stack ${options.stack} under Pulumi's mock runtime…`);

  let result;
  try {
    result = await runPlan({
      projectDir,
      stack: options.stack,
      configFile: options.configFile && path.resolve(options.configFile),
      snapshotFile: options.orgSnapshot && path.resolve(options.orgSnapshot),
    });
  } catch (error) {
    if ((error instanceof PlanFailedError && error.isUserError) || error instanceof StackFileError) {
      io.stderr((error as Error).message);
      // Only a failure that names the sample organization (an account it lacks) is the sample's doing.
      const sample = error instanceof PlanFailedError && error.snapshot?.origin === "sample";
      if (sample && error.message.includes(sampleOrganizationId())) {
        io.stderr(`(planned against the shipped SAMPLE organization, not yours; ${PLAN_YOUR_ORGANIZATION})`);
      }
      return 1;
    }
    throw error;
  }
  for (const warning of result.warnings) io.stderr(`warning: ${warning}`);
  const exported = toStackExport(result);
  const warning =
    options.previous === undefined ? undefined : await previousWarning(options.previous, result.resources);
  if (warning !== undefined) (options.json ? io.stderr : io.stdout)(warning);
  io.stdout(
    options.json ? JSON.stringify(exported, null, 2) : formatPlan(result, { details: options.details }),
  );
  if (warning !== undefined && !options.json) io.stdout(`\n${warning}`);
  const out = options.out ?? path.join(mkdtempSync(path.join(tmpdir(), "plan-")), "plan.json");
  const temporary = `${out}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(exported, null, 2)}\n`);
  renameSync(temporary, out);
  if (options.out && !options.json)
    io.stdout(`\nWrote the plan in \`pulumi stack export\` format to ${out}.`);
  const planExit = warning === undefined ? 0 : 1;
  if (!options.policy) return planExit;

  // The same check as `npm run policy:check -- --state <plan>`; with --json, stdout stays one JSON document.
  if (!options.json) io.stdout("");
  const checkIO = options.json ? { ...io, stdout: io.stderr } : io;
  const policyArgs = [
    "--state",
    out,
    ...(options.policyConfig ? ["--policy-config", options.policyConfig] : []),
  ];
  try {
    return Math.max(
      planExit,
      await loadPolicyCheck().main(policyArgs, checkIO, {
        stackPolicyConfig: stackPolicyConfig(result),
        configKeyOf,
      }),
    );
  } finally {
    if (!options.out) rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

/**
 * The loud warning when the plan would replace a protected resource of the previous export, undefined
 * when it would not; a file that is not a readable `pulumi stack export` is a usage error.
 */
async function previousWarning(
  file: string,
  planned: readonly import("./capture").PlannedResource[],
): Promise<string | undefined> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { readDeployment } =
    require("../policy-check/read-deployment") as typeof import("../policy-check/read-deployment");
  const { PolicyCheckInputError } =
    require("../policy-check/errors") as typeof import("../policy-check/errors");
  const { formatProtectedChanges, protectedChanges } =
    require("./protected-changes") as typeof import("./protected-changes");
  /* eslint-enable @typescript-eslint/no-require-imports */
  let previous;
  try {
    previous = await readDeployment(path.resolve(file));
  } catch (error) {
    if (!(error instanceof PolicyCheckInputError)) throw error;
    throw new UsageError(`--previous: ${error.lines[0]}`);
  }
  const changes = protectedChanges(previous.resources, planned);
  return changes.length === 0 ? undefined : formatProtectedChanges(changes, file);
}

/** The sample organization's id, read only when a plan against the sample failed. */
function sampleOrganizationId(): string {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { readSnapshotFile, SAMPLE_ORGANIZATION_PATH } =
    require("../../lib/organization/source") as typeof import("../../lib/organization/source");
  /* eslint-enable @typescript-eslint/no-require-imports */
  return readSnapshotFile(SAMPLE_ORGANIZATION_PATH).organization.id;
}

/** Loaded after the arguments parse: `@pulumi/pulumi` alone takes about a second to load. */
function loadPlanModules() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require("./run-plan") as typeof import("./run-plan")),
    ...(require("./stack-files") as typeof import("./stack-files")),
    ...(require("./print-plan") as typeof import("./print-plan")),
    ...(require("./stack-export") as typeof import("./stack-export")),
    ...(require("./snapshot-choice") as typeof import("./snapshot-choice")),
    ...(require("./stack-policy") as typeof import("./stack-policy")),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function loadTypeCheck(): typeof import("./type-check") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("./type-check");
}

/** What the plan needs of the policy check's command; a test pins that the module fits it. */
export interface PolicyCheckCommand {
  main(argv: string[], io: CommandIO, fromPlan?: PlannedStack): Promise<number>;
}

/** Loaded when the check runs, so that `--no-policy` plans skip the gRPC stack. */
export function loadPolicyCheck(): PolicyCheckCommand {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../policy-check/command") as PolicyCheckCommand;
}
