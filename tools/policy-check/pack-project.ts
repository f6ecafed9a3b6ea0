import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { formatIssues } from "../../lib/config/issues";
import { PolicyPackError } from "./errors";

/** What the CLI needs from a policy pack directory before it starts the pack. */
export interface PackProject {
  readonly dir: string;
  /** PulumiPolicy.yaml's version, which the CLI prefers over the one the pack reports. */
  readonly version?: string;
  /** The runner the CLI's `pulumi-analyzer-policy` shim resolves from the pack directory. */
  readonly runner: string;
  /** Extra runner arguments the CLI derives from `runtime.options`, as `-key=value`. */
  readonly runtimeArgs: readonly string[];
}

const projectSchema = z.looseObject({
  runtime: z.union([
    z.string(),
    z.looseObject({ name: z.string(), options: z.record(z.string(), z.unknown()).optional() }),
  ]),
  version: z.union([z.string(), z.number()]).optional(),
});

/** Reads `<dir>/PulumiPolicy.yaml` and finds the runner, failing the way `pulumi preview --policy-pack` would. */
export async function loadPackProject(dir: string): Promise<PackProject> {
  const projectPath = join(dir, "PulumiPolicy.yaml");
  let text: string;
  try {
    text = await readFile(projectPath, "utf8");
  } catch {
    throw new PolicyPackError(
      `${dir}: no PulumiPolicy.yaml, so this is not a policy pack; pass --pack <pack dir>`,
    );
  }
  let document: unknown;
  try {
    document = parseYaml(text) as unknown;
  } catch (error) {
    throw new PolicyPackError(`${projectPath}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const parsed = projectSchema.safeParse(document);
  if (!parsed.success) {
    throw new PolicyPackError(`${projectPath}: ${formatIssues(parsed.error.issues, document)[0]}`);
  }
  const runtime =
    typeof parsed.data.runtime === "string" ? { name: parsed.data.runtime } : parsed.data.runtime;
  if (runtime.name !== "nodejs") {
    throw new PolicyPackError(
      `${projectPath}: runtime ${runtime.name} is not supported; this check runs nodejs packs`,
    );
  }
  return {
    dir,
    ...(parsed.data.version !== undefined ? { version: String(parsed.data.version) } : {}),
    runner: resolveRunner(dir),
    runtimeArgs: Object.entries(runtime.options ?? {})
      .map(([key, value]) => [key, String(value ?? "")] as const)
      .filter(([, value]) => value !== "")
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `-${key}=${value}`),
  };
}

/** `@pulumi/pulumi/cmd/run-policy-pack` as Node resolves it from the pack: its own install, else the root's. */
function resolveRunner(dir: string): string {
  try {
    return dirname(require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [dir] }));
  } catch {
    throw new PolicyPackError(
      `${dir}: cannot find @pulumi/pulumi/cmd/run-policy-pack; the pack's dependencies are not installed (run npm install)`,
    );
  }
}
