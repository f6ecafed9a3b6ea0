import { join, resolve } from "node:path";
import { buildAnalyzerInputs } from "./analyzer-resources";
import type { CompileMode } from "./compile-mode";
import { readPolicyConfig, type PolicyConfig } from "./policy-config-file";
import { openPolicyPackSession } from "./policy-pack-session";
import { parseDeployment, readDeployment, type Deployment } from "./read-deployment";
import type { PolicyReport } from "./report";
import { type StackPolicyConfig, withStackPolicyConfig } from "./stack-policy-config";

/** The repository's own pack, used when no pack directory is given. */
export const DEFAULT_PACK_DIR = resolve(join(__dirname, "..", "..", "policy-pack"));

export type PolicyCheckOptions = (
  | { readonly statePath: string; readonly state?: undefined }
  | { readonly state: unknown; readonly statePath?: undefined }
) & {
  readonly packDir?: string;
  readonly policyConfigPath?: string;
  /** Settings the planned stack decides, applied under the policy config file. */
  readonly stackPolicyConfig?: StackPolicyConfig;
  readonly compileMode?: CompileMode;
  readonly startTimeoutMs?: number;
  readonly callTimeoutMs?: number;
  readonly onProgress?: (message: string) => void;
};

/**
 * Runs a CrossGuard pack over a deployment without credentials or the Pulumi CLI: the pack is started with the
 * CLI's own runner and driven over the Analyzer gRPC protocol as `pulumi policy analyze` drives it. Input files
 * are validated before the pack starts, so a malformed file fails fast with a PolicyCheckInputError.
 */
export async function runPolicyCheck(options: PolicyCheckOptions): Promise<PolicyReport> {
  const deployment = await loadDeployment(options);
  // Converting the properties up front reports a malformed value before any process is started.
  const { analyze } = buildAnalyzerInputs(deployment);
  const fromFile: PolicyConfig = options.policyConfigPath
    ? await readPolicyConfig(options.policyConfigPath)
    : {};
  const policyConfig = options.stackPolicyConfig
    ? withStackPolicyConfig(options.stackPolicyConfig, fromFile, options.policyConfigPath)
    : fromFile;
  const session = await openPolicyPackSession({
    packDir: resolve(options.packDir ?? DEFAULT_PACK_DIR),
    ...(options.compileMode ? { compileMode: options.compileMode } : {}),
    ...(options.startTimeoutMs ? { startTimeoutMs: options.startTimeoutMs } : {}),
    ...(options.callTimeoutMs ? { callTimeoutMs: options.callTimeoutMs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  try {
    options.onProgress?.(`analyzing ${analyze.length} resources`);
    return await session.check({
      deployment,
      policyConfig,
      ...(options.policyConfigPath ? { policyConfigSource: options.policyConfigPath } : {}),
    });
  } finally {
    await session.close();
  }
}

function loadDeployment(options: PolicyCheckOptions): Promise<Deployment> {
  if (options.statePath !== undefined) return readDeployment(options.statePath);
  return Promise.resolve(parseDeployment(options.state, "state"));
}
