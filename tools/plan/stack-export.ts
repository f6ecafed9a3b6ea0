import type { PlanResult } from "./run-plan";

/** The `pulumi stack export` document (deployment version 3), so tools read plans and real exports alike. */
export interface StackExport {
  version: 3;
  deployment: {
    manifest: { time: string; magic: string; version: string; plan: { tool: string; snapshotFile: string } };
    resources: StackExportResource[];
  };
}

export interface StackExportResource {
  urn: string;
  custom: boolean;
  id?: string;
  type: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  parent?: string;
  provider?: string;
  dependencies: string[];
  protect?: boolean;
  retainOnDelete?: boolean;
}

/**
 * The plan as a stack export. The root stack resource carries the program's outputs, as in a real export.
 * `manifest.plan` says this came from the offline plan, not from a deployment.
 */
export function toStackExport(plan: PlanResult, time: Date = new Date()): StackExport {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdkVersion = (require("@pulumi/pulumi/package.json") as { version: string }).version;
  return {
    version: 3,
    deployment: {
      manifest: {
        time: time.toISOString(),
        magic: "",
        version: `offline-plan (@pulumi/pulumi ${sdkVersion} mock runtime)`,
        plan: { tool: "org-governance npm run plan", snapshotFile: plan.snapshotFile },
      },
      resources: plan.resources.map((r) => ({
        urn: r.urn,
        custom: r.custom,
        ...(r.id !== undefined ? { id: r.id } : {}),
        type: r.type,
        inputs: r.inputs,
        outputs: r.type === "pulumi:pulumi:Stack" ? plan.outputs : r.outputs,
        ...(r.parent !== undefined ? { parent: r.parent } : {}),
        ...(r.provider !== undefined ? { provider: r.provider } : {}),
        dependencies: r.dependencies,
        ...(r.protect ? { protect: true } : {}),
        ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
      })),
    },
  };
}
