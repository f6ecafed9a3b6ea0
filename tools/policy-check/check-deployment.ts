import type { AnalyzerConnection, AnalyzerInfoData, Diagnostic } from "./analyzer-client";
import { buildAnalyzerInputs, type AnalyzerInputs } from "./analyzer-resources";
import { PolicyCheckInputError } from "./errors";
import { mapConcurrently } from "./map-concurrently";
import type { PackCalls } from "./pack-calls";
import type { PolicyConfig, PolicyConfigEntry } from "./policy-config-file";
import type { Deployment } from "./read-deployment";
import { reconcilePolicyConfig } from "./reconcile-policy-config";
import type { PolicyViolation } from "./report";

export interface CheckInput {
  readonly deployment: Deployment;
  readonly policyConfig?: PolicyConfig;
  /** Names the policy config in error messages. */
  readonly policyConfigSource?: string;
}

export interface CheckOutcome {
  readonly config: Readonly<Record<string, PolicyConfigEntry>>;
  readonly violations: readonly PolicyViolation[];
  readonly resourcesAnalyzed: number;
  readonly analyzeMs: number;
  readonly stackMs: number;
}

/** Analyze calls in flight at once; the pack answers them on one thread, this only hides round trips. */
const ANALYZE_CONCURRENCY = 8;

/**
 * One check, in the CLI's order: Configure with the reconciled policy config, Analyze for every resource
 * (inputs), then AnalyzeStack once over all of them (outputs).
 */
export async function checkDeployment(
  input: CheckInput,
  info: AnalyzerInfoData,
  connection: AnalyzerConnection,
  calls: PackCalls,
): Promise<CheckOutcome> {
  const targets = buildAnalyzerInputs(input.deployment);
  const config = await configure(input, info, connection, calls);

  const analyzeStarted = performance.now();
  const perResource = await mapConcurrently(targets.analyze, ANALYZE_CONCURRENCY, (target) =>
    calls.guard(`Analyze of ${target.urn}`, () => connection.analyze(target)),
  );
  const analyzeMs = performance.now() - analyzeStarted;

  const stackStarted = performance.now();
  const stackDiagnostics = await calls.guard("AnalyzeStack", () => connection.analyzeStack(targets.stack));
  const stackMs = performance.now() - stackStarted;

  const remediation = new Map(
    info.policies.flatMap((policy) =>
      policy.remediationSteps ? [[policy.name, policy.remediationSteps]] : [],
    ),
  );
  const violations = [
    // Like the engine, what Analyze reports about a resource is filed under that resource's URN.
    ...perResource.flatMap((diagnostics, index) =>
      diagnostics.map((diagnostic) =>
        toViolation(diagnostic, targets.analyze[index].urn, targets.analyze[index].type, remediation),
      ),
    ),
    ...stackDiagnostics.map((diagnostic) =>
      toViolation(diagnostic, diagnostic.urn, typeOf(targets, diagnostic.urn), remediation),
    ),
  ];
  return { config, violations, resourcesAnalyzed: targets.analyze.length, analyzeMs, stackMs };
}

/** Reconciles and sends the policy config the way the CLI does for a local pack. */
async function configure(
  input: CheckInput,
  info: AnalyzerInfoData,
  connection: AnalyzerConnection,
  calls: PackCalls,
): Promise<Readonly<Record<string, PolicyConfigEntry>>> {
  const given = input.policyConfig ?? {};
  const source = input.policyConfigSource ?? "policy config";
  if (!info.supportsConfig) {
    if (Object.keys(given).length > 0) {
      throw new PolicyCheckInputError([`${source}: policy pack ${info.name} does not support configuration`]);
    }
    return {};
  }
  const config = reconcilePolicyConfig(info.policies, info.initialConfig, given, source);
  if (Object.keys(config).length > 0) await calls.guard("Configure", () => connection.configure(config));
  return config;
}

function toViolation(
  diagnostic: Diagnostic,
  urn: string | undefined,
  resourceType: string | undefined,
  remediation: ReadonlyMap<string, string>,
): PolicyViolation {
  const steps = remediation.get(diagnostic.policyName);
  return {
    policyName: diagnostic.policyName,
    enforcementLevel: diagnostic.enforcementLevel,
    message: diagnostic.message,
    ...(urn ? { urn } : {}),
    ...(resourceType ? { resourceType } : {}),
    ...(steps ? { remediation: steps } : {}),
  };
}

function typeOf(targets: AnalyzerInputs, urn: string | undefined): string | undefined {
  return urn === undefined ? undefined : targets.stack.find((target) => target.urn === urn)?.type;
}
