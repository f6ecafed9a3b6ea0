import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { readSnapshotFile, SAMPLE_ORGANIZATION_PATH } from "../../lib/organization/source";
import { CommandIO, runAsProcess, UsageError } from "../cli/io";
import { formatPlan } from "./print-plan";
import { PlanFailedError, runPlan } from "./run-plan";
import { PLAN_YOUR_ORGANIZATION } from "./snapshot-choice";
import { StackFileError } from "./stack-files";
import { toStackExport } from "./stack-export";

const USAGE =
  "usage: npm run plan -- [--stack NAME] [--config-file FILE] [--org-snapshot FILE] [--out FILE] [--json] [--no-policy] [--policy-config FILE]";

/** `npm run plan`: the program under Pulumi's mock runtime, printed, optionally exported, then policy-checked. */
export async function main(
  argv: string[],
  io: CommandIO,
  projectDir = path.join(__dirname, "..", ".."),
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        stack: { type: "string", default: "prod" },
        "config-file": { type: "string" },
        "org-snapshot": { type: "string" },
        out: { type: "string" },
        json: { type: "boolean", default: false },
        "no-policy": { type: "boolean", default: false },
        "policy-config": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (io.isTTY) io.stderr(`planning stack ${values.stack} under Pulumi's mock runtime…`);

  let plan;
  try {
    plan = await runPlan({
      projectDir,
      stack: values.stack,
      configFile: values["config-file"] && path.resolve(values["config-file"]),
      snapshotFile: values["org-snapshot"] && path.resolve(values["org-snapshot"]),
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
  const exported = toStackExport(plan);
  io.stdout(values.json ? JSON.stringify(exported, null, 2) : formatPlan(plan));
  const out = values.out
    ? path.resolve(values.out)
    : path.join(mkdtempSync(path.join(tmpdir(), "plan-")), "plan.json");
  const temporary = `${out}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(exported, null, 2)}\n`);
  renameSync(temporary, out);
  if (values.out && !values.json) io.stdout(`\nWrote the plan in \`pulumi stack export\` format to ${out}.`);
  if (values["no-policy"]) return 0;

  // The same check as `npm run policy:check -- --state <plan>`; with --json, stdout stays one JSON document.
  if (!values.json) io.stdout("");
  const checkIO = values.json ? { ...io, stdout: io.stderr } : io;
  const policyArgs = [
    "--state",
    out,
    ...(values["policy-config"] ? ["--policy-config", values["policy-config"]] : []),
  ];
  try {
    return await loadPolicyCheck().main(policyArgs, checkIO);
  } finally {
    if (!values.out) rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

function sampleOrganizationId(): string {
  return readSnapshotFile(SAMPLE_ORGANIZATION_PATH).organization.id;
}

/** What the plan needs of `scripts/policy-check.ts`; a test pins that the module fits it. */
export interface PolicyCheckCommand {
  main(argv: string[], io: CommandIO): Promise<number>;
}

/**
 * Loaded when the check runs and typed by the interface above, so that `--no-policy` plans, and the
 * type-checking ts-node that runs every plan, skip the gRPC stack.
 */
export function loadPolicyCheck(): PolicyCheckCommand {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../policy-check/command") as PolicyCheckCommand;
}

if (require.main === module) runAsProcess(main);
