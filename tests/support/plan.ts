import * as path from "node:path";
import type { PlannedResource } from "../../tools/plan/capture";
import { PlanResult, runPlan } from "../../tools/plan/run-plan";

export const PROJECT_DIR = path.join(__dirname, "..", "..");

/** The config of a minimal valid stack, plus overrides, fully qualified as Pulumi hands it over. */
export function stackConfig(
  overrides: Record<string, unknown> = {},
  region = "eu-west-1",
): Record<string, string> {
  const values: Record<string, unknown> = { logArchive: { account: "Log Archive" }, ...overrides };
  const config: Record<string, string> = { "aws:region": region };
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) config[`org-governance:${key}`] = JSON.stringify(value);
  }
  return config;
}

const cache = new Map<string, Promise<PlanResult>>();

/**
 * Under mutation testing (StrykerJS sets its `__stryker__` global) every mutant must see a fresh plan:
 * test modules stay loaded between mutants, so a cached plan would hide the mutant being tested.
 */
const underMutationTesting = () => "__stryker__" in globalThis;

/** Plans the program under the mock runtime; identical configs share one run. */
export function plan(config?: Record<string, string>, snapshotFile?: string): Promise<PlanResult> {
  if (underMutationTesting()) return runPlan({ projectDir: PROJECT_DIR, config, snapshotFile });
  const key = JSON.stringify([config, snapshotFile]);
  if (!cache.has(key)) cache.set(key, runPlan({ projectDir: PROJECT_DIR, config, snapshotFile }));
  return cache.get(key)!;
}

/** The prod stack as shipped in Pulumi.prod.yaml. */
export function prodPlan(): Promise<PlanResult> {
  return plan(undefined);
}

export function ofType(result: PlanResult, type: string): PlannedResource[] {
  return result.resources.filter((r) => r.type === type);
}

/** The one resource with this logical name; fails loudly if there is none or several. */
export function named(result: PlanResult, name: string): PlannedResource {
  const found = result.resources.filter((r) => r.urn.endsWith(`::${name}`));
  if (found.length !== 1) throw new Error(`expected one resource named ${name}, found ${found.length}`);
  return found[0];
}

/** The S3 settings resource of `type` that applies to `bucket`. */
export function settingsOf(result: PlanResult, type: string, bucket: string): PlannedResource {
  const found = ofType(result, type).filter((r) => r.inputs.bucket === bucket);
  if (found.length !== 1) throw new Error(`expected one ${type} for ${bucket}, found ${found.length}`);
  return found[0];
}

export function policyOf(
  resource: PlannedResource,
  key = "policy",
): { Statement: Record<string, unknown>[] } {
  return JSON.parse(resource.inputs[key] as string);
}

export function statement(
  document: { Statement: Record<string, unknown>[] },
  sid: string,
): Record<string, unknown> {
  const found = document.Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
}
