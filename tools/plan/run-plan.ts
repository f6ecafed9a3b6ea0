import * as path from "node:path";
import { captureRegistrations, PlannedResource, settled } from "./capture";
import { MockCloud } from "./mock-cloud";
import { chooseSnapshot, type SnapshotChoice } from "./snapshot-choice";
import { projectName, readStackConfigFile } from "./stack-files";
import { CONFIG_NAMESPACE, organizationConfigSchema } from "../../lib/config/schema";
import * as pulumi from "@pulumi/pulumi";
import { isUserError } from "../../lib/errors";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runInPulumiStack } = require("@pulumi/pulumi/runtime/stack");

export interface PlanOptions {
  /** The directory of Pulumi.yaml and index.ts. */
  projectDir: string;
  /** @default "prod" */
  stack?: string;
  /**
   * Organization snapshot to plan against.
   * @default the stack's snapshotFile, else organization.snapshot.json at the project root, else the sample
   */
  snapshotFile?: string;
  /** Another stack config file, like `pulumi --config-file`. @default Pulumi.<stack>.yaml */
  configFile?: string;
  /** Replaces the stack file's config (fully qualified keys), for tests. */
  config?: Record<string, string>;
}

export interface PlanResult {
  project: string;
  stack: string;
  /** The organization snapshot the plan used. */
  snapshotFile: string;
  /** Why that snapshot: see chooseSnapshot. */
  snapshot: SnapshotChoice;
  config: Record<string, string>;
  resources: PlannedResource[];
  outputs: Record<string, unknown>;
}

/**
 * Runs the real program (`index.ts`) under Pulumi's mock runtime and returns what it registered.
 * Nothing reaches AWS: the mocks answer every registration with realistic ids and ARNs.
 */
export async function runPlan(options: PlanOptions): Promise<PlanResult> {
  const projectDir = path.resolve(options.projectDir);
  const stack = options.stack ?? "prod";
  const project = projectName(projectDir);
  const config = {
    ...(options.config ?? readStackConfigFile(projectDir, project, stack, options.configFile)),
  };

  const organizationKey = `${CONFIG_NAMESPACE}:organization`;
  const section = organizationConfigSchema.safeParse(
    organizationKey in config ? safeJson(config[organizationKey]) : {},
  );
  const snapshot = chooseSnapshot(
    projectDir,
    options.snapshotFile,
    section.success ? section.data.snapshotFile : undefined,
  );
  const snapshotFile = snapshot.file;
  // A malformed section stays as written, so validation reports it by its key as `pulumi up` would.
  if (section.success) config[organizationKey] = JSON.stringify({ ...section.data, snapshotFile });

  pulumi.runtime.setAllConfig(config);
  const resources = await captureRegistrations(
    new MockCloud(config["aws:region"] ?? "us-east-1"),
    project,
    stack,
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const program = require(path.join(projectDir, "index.ts")) as () => Promise<Record<string, unknown>>;
  // The program's own failure is kept and rethrown after the runtime settles: left inside the stack
  // resource, it would also surface as an unhandled rejection of the stack's output registration.
  let failure: unknown;
  // Pulumi captures a stack trace for every output and resource it creates, which under ts-node's source
  // maps is most of a plan's time; the plan reports errors by message, so it runs without them.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let outputs: Record<string, unknown>;
  try {
    outputs = (await runInPulumiStack(async () => {
      try {
        return await program();
      } catch (error) {
        failure = error;
        return {};
      }
    })) as Record<string, unknown>;
    await settled();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (failure !== undefined) throw new PlanFailedError(failure, resources, snapshot);
  return { project, stack, snapshotFile, snapshot, config, resources, outputs: outputs ?? {} };
}

/** The program failed; `cause` is its error, `registered` what it had registered by then. */
export class PlanFailedError extends Error {
  constructor(
    readonly cause: unknown,
    readonly registered: PlannedResource[],
    /** The organization the program was planned against. */
    readonly snapshot?: SnapshotChoice,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "PlanFailedError";
  }

  /** Whether the failure is the user's to fix (config, snapshot, organization): printed as one line. */
  get isUserError(): boolean {
    return isUserError(this.cause) || pulumi.RunError.isInstance(this.cause as Error);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
