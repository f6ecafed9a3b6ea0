import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

type TypeScript = typeof import("typescript");
type TsNode = typeof import("ts-node");

/** The TypeScript toolchain `run-policy-pack` uses for a pack, and the options it registers ts-node with. */
export interface RunnerToolchain {
  readonly ts: TypeScript;
  readonly tsNode: TsNode;
  readonly typescriptPath: string;
  /** No tsconfig.json in the pack directory: ts-node then ignores project files altogether. */
  readonly skipProject: boolean;
  readonly tsconfigPath: string;
  readonly compilerOptions: Readonly<Record<string, unknown>>;
}

/**
 * Mirrors cmd/run-policy-pack/run.js of @pulumi/pulumi: `typescript` and `ts-node` are required from the
 * runner's own location, and ts-node is registered with `target: ES2020`, `module`/`moduleResolution`
 * `nodenext` (TypeScript 4.7 and later, else commonjs/node) and `sourceMap`, overridden by the raw
 * `compilerOptions` of `<pack>/tsconfig.json` (which ts-node then also reads as its project, with `extends`).
 */
export function loadRunnerToolchain(runner: string, packDir: string): RunnerToolchain {
  const requireFromRunner = createRequire(join(runner, "index.js"));
  const typescriptPath = requireFromRunner.resolve("typescript");
  const ts = requireFromRunner(typescriptPath) as TypeScript;
  const tsNode = requireFromRunner("ts-node") as TsNode;
  const tsconfigPath = join(packDir, "tsconfig.json");
  const skipProject = !existsSync(tsconfigPath);
  const [major, minor] = ts.version.split(".").map(Number);
  const useNodeNext = major > 4 || (major === 4 && minor >= 7);
  return {
    ts,
    tsNode,
    typescriptPath,
    skipProject,
    tsconfigPath,
    compilerOptions: {
      target: "ES2020",
      module: useNodeNext ? "nodenext" : "commonjs",
      moduleResolution: useNodeNext ? "nodenext" : "node",
      sourceMap: "true",
      ...(skipProject ? {} : rawCompilerOptions(ts, tsconfigPath)),
    },
  };
}

/** tsconfig.json's own `compilerOptions`, without following `extends`, as run.js reads them. */
function rawCompilerOptions(ts: TypeScript, tsconfigPath: string): Record<string, unknown> {
  try {
    const parsed = ts.parseConfigFileTextToJson(tsconfigPath, readFileSync(tsconfigPath, "utf8"));
    return (parsed.config?.compilerOptions as Record<string, unknown> | undefined) ?? {};
  } catch {
    // run.js ignores an unreadable tsconfig the same way.
    return {};
  }
}
