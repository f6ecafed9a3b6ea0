import { readFileSync } from "node:fs";
import { buildAnalyzerInputs } from "../policy-check/analyzer-resources";
import type { DeploymentDocument } from "../policy-check/deployment-schema";
import {
  DEFAULT_PACK_DIR,
  openPolicyPackSession,
  parseDeployment,
  type PolicyPackSession,
} from "../policy-check";
import type { Figure } from "./figures";
import { runPoliciesInProcess } from "./in-process-policies";
import { replicateDeployment } from "./replicate-deployment";
import { median, ratio, timeRuns, type RunPlan } from "./stats";

export interface PolicyCheckOptions extends RunPlan {
  /** A plan export (`npm run plan -- --out`) whose resources are replicated to each size. */
  readonly planExport: string;
  /** Resources per deployment. */
  readonly sizes: readonly number[];
  readonly packDir?: string;
  readonly onProgress?: (message: string) => void;
}

/** Pack start-up: launching the runner, loading the policies, the two info calls. */
export const POLICY_STARTUP_TARGET_MS = 2000;
/** Analyze + AnalyzeStack over the wire, divided by the same policies called in-process. */
export const PROTOCOL_OVERHEAD_TARGET = 3;

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
    options,
    async () => (await openPolicyPackSession({ packDir })).close(),
    (run, total) => options.onProgress?.(`policy pack start-up (${run}/${total})`),
  );
  const document = JSON.parse(readFileSync(options.planExport, "utf8")) as DeploymentDocument;
  const session = await openPolicyPackSession({ packDir });
  try {
    const sizes: SizeSummary[] = [];
    for (const resources of options.sizes) {
      sizes.push(await measureSize(session, replicateDeployment(document, resources), options));
    }
    return policyFigures(startup.samplesMs, sizes);
  } finally {
    await session.close();
  }
}

async function measureSize(
  session: PolicyPackSession,
  document: DeploymentDocument,
  options: PolicyCheckOptions,
): Promise<SizeSummary> {
  const deployment = parseDeployment(document, "replicated plan");
  const count = deployment.resources.length;
  const label = `policy check, ${count.toLocaleString("en-US")} resources`;
  const protocolMs: number[] = [];
  const protocol = await timeRuns(
    options,
    async (index) => {
      const report = await session.check({ deployment });
      if (index >= options.warmup) protocolMs.push(report.timings.analyzeMs + report.timings.stackMs);
      return report.violations.length;
    },
    (run, total) => options.onProgress?.(`${label}, over gRPC (${run}/${total})`),
  );
  // The inputs are built once, outside the timing, as the engine builds them before calling the pack.
  const inputs = buildAnalyzerInputs(deployment);
  const inProcess = await timeRuns(
    options,
    () => runPoliciesInProcess(inputs),
    (run, total) => options.onProgress?.(`${label}, in-process (${run}/${total})`),
  );
  return {
    resources: count,
    protocolMs,
    inProcessMs: inProcess.samplesMs,
    protocolViolations: protocol.last,
    inProcessViolations: inProcess.last,
  };
}

/** The figures of the policy-check runs; pure, so the table's shape is tested without a pack. */
export function policyFigures(startupMs: readonly number[], sizes: readonly SizeSummary[]): Figure[] {
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
    const perResource = (ms: readonly number[]) => (median(ms) * 1000) / size.resources;
    const findings =
      size.protocolViolations === size.inProcessViolations
        ? `(${size.protocolViolations} findings)`
        : `(findings differ: ${size.protocolViolations} over gRPC, ${size.inProcessViolations} in-process)`;
    figures.push(
      {
        id: `policy.grpc-per-resource.${size.resources}`,
        measurement: `${name}: per resource over gRPC`,
        value: perResource(size.protocolMs),
        unit: "µs",
        samples: size.protocolMs,
        detail: findings,
      },
      {
        id: `policy.in-process-per-resource.${size.resources}`,
        measurement: `${name}: per resource in-process`,
        value: perResource(size.inProcessMs),
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
  return figures;
}
