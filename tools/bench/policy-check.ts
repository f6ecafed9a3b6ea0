import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildAnalyzerInputs } from "../policy-check/analyzer-resources";
import type { DeploymentDocument } from "../policy-check/deployment-schema";
import {
  DEFAULT_PACK_DIR,
  openPolicyPackSession,
  parseDeployment,
  type Deployment,
  type PolicyPackSession,
} from "../policy-check";
import type { Figure } from "./figures";
import { runPoliciesInProcess } from "./in-process-policies";
import { replicateDeployment } from "./replicate-deployment";
import { median, ratio, timeRuns, type RunPlan } from "./stats";

export interface SizePlan extends RunPlan {
  /** Resources in the deployment. */
  readonly resources: number;
}

export interface PolicyCheckOptions {
  /** A plan export (`npm run plan -- --out`) whose resources are replicated to each size. */
  readonly planExport: string;
  readonly startup: RunPlan;
  /** Later sizes run on a pack the earlier ones warmed up, so they may need no warm-up of their own. */
  readonly sizes: readonly SizePlan[];
  /** The protocol alone: a deployment of this size through a pack whose policies do next to nothing. */
  readonly protocolFloor: SizePlan;
  readonly packDir?: string;
  readonly onProgress?: (message: string) => void;
}

/** Pack start-up: launching the runner, loading the policies, the two info calls. */
export const POLICY_STARTUP_TARGET_MS = 2000;
/** Analyze + AnalyzeStack over the wire, divided by the same policies called in-process. */
export const PROTOCOL_OVERHEAD_TARGET = 3;

/** Two resource policies and one stack policy that only compare a type: what remains is the protocol. */
const NO_OP_PACK = join(__dirname, "..", "..", "tests", "fixtures", "policy-packs", "minimal");

export interface SizeSummary {
  readonly resources: number;
  /** Milliseconds of Analyze for every resource plus AnalyzeStack, per kept run. */
  readonly protocolMs: readonly number[];
  readonly inProcessMs: readonly number[];
  readonly protocolViolations: number;
  readonly inProcessViolations: number;
}

/**
 * Starts the pack as `pulumi preview` would (several times, for its start-up time), then checks deployments
 * of each size through the Analyzer protocol and, as the floor, with the same policies in this process.
 */
export async function measurePolicyCheck(options: PolicyCheckOptions): Promise<Figure[]> {
  const packDir = options.packDir ?? DEFAULT_PACK_DIR;
  const startup = await timeRuns(
    options.startup,
    async () => (await openPolicyPackSession({ packDir })).close(),
    (run, total) => options.onProgress?.(`policy pack start-up (${run}/${total})`),
  );
  const document = JSON.parse(readFileSync(options.planExport, "utf8")) as DeploymentDocument;
  const deploymentOf = (resources: number) =>
    parseDeployment(replicateDeployment(document, resources), `plan replicated to ${resources} resources`);

  const sizes: SizeSummary[] = [];
  await withSession(packDir, async (session) => {
    for (const plan of options.sizes) {
      const deployment = deploymentOf(plan.resources);
      const label = `policy check, ${plan.resources.toLocaleString("en-US")} resources`;
      const protocol = await timeChecks(session, deployment, plan, (run, total) =>
        options.onProgress?.(`${label}, over gRPC (${run}/${total})`),
      );
      // The inputs are built once, outside the timing, as the engine builds them before calling the pack.
      const inputs = buildAnalyzerInputs(deployment);
      const inProcess = await timeRuns(
        plan,
        () => runPoliciesInProcess(inputs),
        (run, total) => options.onProgress?.(`${label}, in-process (${run}/${total})`),
      );
      sizes.push({
        resources: plan.resources,
        protocolMs: protocol.samplesMs,
        inProcessMs: inProcess.samplesMs,
        protocolViolations: protocol.violations,
        inProcessViolations: inProcess.last,
      });
    }
  });
  const floorDeployment = deploymentOf(options.protocolFloor.resources);
  const floor = await withSession(NO_OP_PACK, (session) =>
    timeChecks(session, floorDeployment, options.protocolFloor, (run, total) =>
      options.onProgress?.(`protocol floor, no-op pack (${run}/${total})`),
    ),
  );
  return policyFigures(startup.samplesMs, sizes, {
    resources: options.protocolFloor.resources,
    ms: floor.samplesMs,
  });
}

async function withSession<T>(packDir: string, use: (session: PolicyPackSession) => Promise<T>): Promise<T> {
  const session = await openPolicyPackSession({ packDir });
  try {
    return await use(session);
  } finally {
    await session.close();
  }
}

/** Times the pack's own work as the check reports it: Analyze of every resource, then AnalyzeStack. */
async function timeChecks(
  session: PolicyPackSession,
  deployment: Deployment,
  plan: RunPlan,
  onRun: (run: number, total: number) => void,
): Promise<{ samplesMs: number[]; violations: number }> {
  const samplesMs: number[] = [];
  const timed = await timeRuns(
    plan,
    async (index) => {
      const report = await session.check({ deployment });
      if (index >= plan.warmup) samplesMs.push(report.timings.analyzeMs + report.timings.stackMs);
      return report.violations.length;
    },
    onRun,
  );
  return { samplesMs, violations: timed.last };
}

/** The figures of the policy-check runs; pure, so the table's shape is tested without a pack. */
export function policyFigures(
  startupMs: readonly number[],
  sizes: readonly SizeSummary[],
  floor: { readonly resources: number; readonly ms: readonly number[] },
): Figure[] {
  const perResource = (ms: readonly number[], resources: number) => (median(ms) * 1000) / resources;
  const figures: Figure[] = [
    {
      id: "policy.startup",
      measurement: "policy pack start-up",
      value: median(startupMs),
      unit: "ms",
      samples: startupMs,
      target: { comparison: "<", limit: POLICY_STARTUP_TARGET_MS },
    },
  ];
  for (const size of sizes) {
    const name = `policy check, ${size.resources.toLocaleString("en-US")} resources`;
    const findings =
      size.protocolViolations === size.inProcessViolations
        ? `(${size.protocolViolations} ${size.protocolViolations === 1 ? "finding" : "findings"})`
        : `(findings differ: ${size.protocolViolations} over gRPC, ${size.inProcessViolations} in-process)`;
    figures.push(
      {
        id: `policy.grpc-per-resource.${size.resources}`,
        measurement: `${name}: per resource over gRPC`,
        value: perResource(size.protocolMs, size.resources),
        unit: "µs",
        samples: size.protocolMs,
        detail: findings,
      },
      {
        id: `policy.in-process-per-resource.${size.resources}`,
        measurement: `${name}: per resource in-process`,
        value: perResource(size.inProcessMs, size.resources),
        unit: "µs",
        samples: size.inProcessMs,
      },
      {
        id: `policy.ratio.${size.resources}`,
        measurement: `${name}: gRPC / in-process`,
        value: ratio(median(size.protocolMs), median(size.inProcessMs)),
        unit: "ratio",
        target: { comparison: "<=", limit: PROTOCOL_OVERHEAD_TARGET },
      },
    );
  }
  figures.push({
    id: `policy.no-op-pack-per-resource.${floor.resources}`,
    measurement: `no-op pack, ${floor.resources.toLocaleString("en-US")} resources: per resource over gRPC`,
    value: perResource(floor.ms, floor.resources),
    unit: "µs",
    samples: floor.ms,
    detail: "(the protocol alone)",
  });
  return figures;
}
