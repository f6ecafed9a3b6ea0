import { AnalyzerConnection, type AnalyzerInfoData } from "./analyzer-client";
import { checkDeployment, type CheckInput } from "./check-deployment";
import type { CompileMode } from "./compile-mode";
import { startEngineServer } from "./engine-server";
import { PackCalls } from "./pack-calls";
import { launchPack, type RunningPack } from "./pack-launcher";
import { loadPackProject } from "./pack-project";
import { precompilePack, type PackProgram } from "./precompile";
import type { PackLoading, PolicyReport } from "./report";

export interface SessionOptions {
  readonly packDir: string;
  readonly compileMode?: CompileMode;
  /** Longest wait for the pack to print its port; type-checking a large pack takes a while. */
  readonly startTimeoutMs?: number;
  /** Deadline of each gRPC call. */
  readonly callTimeoutMs?: number;
  readonly onProgress?: (message: string) => void;
}

/** A started pack that can check several deployments, each with its own policy config. */
export interface PolicyPackSession {
  readonly info: AnalyzerInfoData;
  check(input: CheckInput): Promise<PolicyReport>;
  close(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 120_000;
const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/**
 * Starts the pack and asks what it holds (GetPluginInfo, GetAnalyzerInfo), as the CLI does before a preview.
 * The pack process, the engine service and the connection are released by `close`, or at once if starting
 * fails.
 */
export async function openPolicyPackSession(options: SessionOptions): Promise<PolicyPackSession> {
  const startedAt = performance.now();
  const project = await loadPackProject(options.packDir);
  const typeCheck = options.compileMode === "type-check";
  options.onProgress?.(`starting policy pack ${project.dir}`);
  const program: PackProgram = typeCheck
    ? { kind: "source", reason: "type-check requested" }
    : precompilePack(project);
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const engine = await startEngineServer();
  let pack: RunningPack | undefined;
  let connection: AnalyzerConnection | undefined;
  const close = async () => {
    connection?.close();
    await pack?.stop();
    engine.close();
  };
  try {
    pack = await launchPack({
      project,
      engineAddress: engine.address,
      program: program.kind === "precompiled" ? program.program : ".",
      typeCheck,
      startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    });
    const running = pack;
    const liveConnection = new AnalyzerConnection(`127.0.0.1:${running.port}`, callTimeoutMs);
    connection = liveConnection;
    const calls = new PackCalls(project.dir, running, callTimeoutMs);
    const sdkVersion = await calls.guard("GetPluginInfo", () => liveConnection.getPluginVersion());
    const info = await calls.guard("GetAnalyzerInfo", () => liveConnection.getAnalyzerInfo());
    const startMs = performance.now() - startedAt;
    const loading = describeLoading(program, typeCheck);
    const notes = program.kind === "source" && !typeCheck ? [`not precompiled: ${program.reason}`] : [];

    const check = async (input: CheckInput): Promise<PolicyReport> => {
      const outcome = await checkDeployment(input, info, liveConnection, calls);
      return {
        pack: {
          name: info.name,
          // The CLI prefers PulumiPolicy.yaml's version to the one the pack reports.
          version: project.version ?? info.version,
          sdkVersion,
          loading,
          policies: info.policies.map((policy) => ({
            name: policy.name,
            enforcementLevel: outcome.config[policy.name]?.enforcementLevel ?? policy.enforcementLevel,
            description: policy.description,
          })),
        },
        violations: outcome.violations,
        resourcesAnalyzed: outcome.resourcesAnalyzed,
        timings: { startMs, analyzeMs: outcome.analyzeMs, stackMs: outcome.stackMs },
        logs: [
          ...notes,
          ...running.output,
          ...engine.logs.map((entry) => `${entry.severity}: ${entry.message}`),
        ],
      };
    };
    return { info, check, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function describeLoading(program: PackProgram, typeCheck: boolean): PackLoading {
  if (program.kind === "precompiled") return program.fromCache ? "precompiled (cached)" : "precompiled";
  return typeCheck ? "source, type-checked" : "source, not type-checked";
}
