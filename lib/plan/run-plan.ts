import * as path from "node:path";
import { captureRegistrations, PlannedResource, settled } from "./capture";
import { MockCloud } from "./mock-cloud";
import { projectName, readStackConfigFile } from "./stack-files";
import { CONFIG_NAMESPACE } from "../config/schema";
import { SAMPLE_ORGANIZATION_PATH } from "../organization/source";
import * as pulumi from "@pulumi/pulumi";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runInPulumiStack } = require("@pulumi/pulumi/runtime/stack");

export interface PlanOptions {
  /** The directory of Pulumi.yaml and index.ts. */
  projectDir: string;
  /** @default "prod" */
  stack?: string;
  /** Organization snapshot to plan against. @default the stack's snapshotFile, else the sample organization */
  snapshotFile?: string;
  /** Replaces the stack file's config (fully qualified keys), for tests. */
  config?: Record<string, string>;
}

export interface PlanResult {
  project: string;
  stack: string;
  /** The organization snapshot the plan used. */
  snapshotFile: string;
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
  const config = { ...(options.config ?? readStackConfigFile(projectDir, project, stack)) };

  const organizationKey = `${CONFIG_NAMESPACE}:organization`;
  const stackOrganization = config[organizationKey] ? safeJson(config[organizationKey]) : {};
  const configured = (stackOrganization as { snapshotFile?: unknown }).snapshotFile;
  const snapshotFile = path.resolve(
    projectDir,
    options.snapshotFile ?? (typeof configured === "string" ? configured : SAMPLE_ORGANIZATION_PATH),
  );
  config[organizationKey] = JSON.stringify({ ...(stackOrganization as object), snapshotFile });

  pulumi.runtime.setAllConfig(config);
  const resources = await captureRegistrations(
    new MockCloud(config["aws:region"] ?? "us-east-1"),
    project,
    stack,
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const program = require(path.join(projectDir, "index.ts")) as () => Promise<Record<string, unknown>>;
  const outputs = (await runInPulumiStack(program)) as Record<string, unknown>;
  await settled();
  return { project, stack, snapshotFile, config, resources, outputs: outputs ?? {} };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
