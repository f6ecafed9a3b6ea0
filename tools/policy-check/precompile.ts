import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { collectLocalModules, type LocalModule } from "./local-modules";
import { resolvePackEntry } from "./module-resolution";
import type { PackProject } from "./pack-project";
import { loadRunnerToolchain, type RunnerToolchain } from "./runner-toolchain";

/** How the runner is told to load the pack. */
export type PackProgram =
  | {
      readonly kind: "precompiled";
      /** The compiled entry file, given to the runner instead of ".". */
      readonly program: string;
      readonly files: number;
      readonly fromCache: boolean;
      readonly compileMs: number;
    }
  | { readonly kind: "source"; readonly reason: string };

/** Code that depends on where its file lives would behave differently when run from the cache. */
const LOCATION_DEPENDENT = /\b__dirname\b|\b__filename\b|\brequire\.resolve\b|\bimport\.meta\b/;
const CACHE_ENTRIES_KEPT = 8;

/**
 * Compiles a TypeScript pack to JavaScript ahead of the runner, so that the runner `require`s JavaScript and
 * its ts-node has nothing to compile: ts-node's type-checking program is what makes a TypeScript pack slow
 * to start. Each local module is compiled by the runner's own ts-node and TypeScript with the options the
 * runner would use, in transpile-only mode (tests/tools/policy-check/compile-mode.test.ts checks that the
 * JavaScript is identical), and written to node_modules/.cache under the same relative layout, so relative
 * imports resolve alike and packages resolve from the same node_modules. Packs this cannot reproduce
 * faithfully (JavaScript already, code that reads its own location, unusual file types) run from source.
 */
export function precompilePack(project: PackProject): PackProgram {
  try {
    return precompile(project);
  } catch (error) {
    // An unreadable tsconfig, a read-only cache: the runner can still load the source itself.
    return { kind: "source", reason: `precompiling failed (${(error as Error).message.split("\n")[0]})` };
  }
}

function precompile(project: PackProject): PackProgram {
  const startedAt = performance.now();
  const entry = resolvePackEntry(project.dir);
  if (entry === undefined) return { kind: "source", reason: "no entry file, which the runner reports" };
  if (!entry.endsWith(".ts")) return { kind: "source", reason: `${entry} is JavaScript already` };

  const toolchain = loadRunnerToolchain(project.runner, project.dir);
  const graph = collectLocalModules(toolchain.ts, entry);
  if (graph.unsupported) return { kind: "source", reason: graph.unsupported };

  const service = createTranspiler(toolchain, project.dir);
  const key = cacheKey(toolchain, service.config.options, graph.modules);
  const cacheRoot = join(nodeModulesOf(project.runner), ".cache", "org-governance-policy-check");
  const root = commonDirectory(graph.modules.map((module) => module.path));
  const target = join(cacheRoot, key);
  const program = join(target, relative(root, entry)).replace(/\.ts$/, ".js");
  if (existsSync(target)) {
    return { kind: "precompiled", program, files: graph.modules.length, fromCache: true, compileMs: 0 };
  }

  const outputs = new Map<string, string>();
  for (const module of graph.modules) {
    let output: string;
    try {
      output = compileModule(service, module);
    } catch {
      // A syntax error: the runner compiles the source itself and reports it as the CLI would.
      return { kind: "source", reason: `${module.path} does not compile` };
    }
    if (LOCATION_DEPENDENT.test(stripSourceMap(output))) {
      return {
        kind: "source",
        reason: `${module.path} depends on its own location (__dirname and the like)`,
      };
    }
    const outputPath = join(target, relative(root, module.path)).replace(/\.ts$/, ".js");
    if (outputs.has(outputPath)) return { kind: "source", reason: `${module.path} and its .js twin collide` };
    outputs.set(outputPath, output);
  }
  publish(cacheRoot, target, outputs);
  return {
    kind: "precompiled",
    program,
    files: graph.modules.length,
    fromCache: false,
    compileMs: performance.now() - startedAt,
  };
}

type Transpiler = ReturnType<RunnerToolchain["tsNode"]["create"]>;

/** ts-node as the runner registers it, but transpile-only; explicit options shield it from our TS_NODE_*. */
function createTranspiler(toolchain: RunnerToolchain, packDir: string): Transpiler {
  return toolchain.tsNode.create({
    cwd: packDir,
    transpileOnly: true,
    typeCheck: false,
    files: false,
    compiler: toolchain.typescriptPath,
    skipProject: toolchain.skipProject,
    ...(toolchain.skipProject ? {} : { project: toolchain.tsconfigPath }),
    compilerOptions: { ...toolchain.compilerOptions },
  });
}

function compileModule(service: Transpiler, module: LocalModule): string {
  return module.path.endsWith(".ts") ? service.compile(module.text, module.path) : module.text;
}

function stripSourceMap(output: string): string {
  return output.replace(/\/\/# sourceMappingURL=.*$/m, "");
}

function cacheKey(toolchain: RunnerToolchain, options: object, modules: readonly LocalModule[]): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ tsNode: toolchain.tsNode.VERSION, ts: toolchain.ts.version, options }));
  for (const module of modules) hash.update(`\0${module.path}\0${module.text}`);
  return hash.digest("hex").slice(0, 24);
}

/** The node_modules directory the runner was found in: packages resolve from there whatever the cache path. */
function nodeModulesOf(runner: string): string {
  const marker = `${sep}node_modules${sep}`;
  return runner.slice(0, runner.lastIndexOf(marker) + marker.length - 1);
}

function commonDirectory(paths: readonly string[]): string {
  const split = paths.map((path) => dirname(path).split(sep));
  const common: string[] = [];
  for (let index = 0; split.every((parts) => index < parts.length); index++) {
    const part = split[0][index];
    if (!split.every((parts) => parts[index] === part)) break;
    common.push(part);
  }
  return common.join(sep) || sep;
}

/** Writes the compiled tree beside its final name and renames it into place, so readers never see half. */
function publish(cacheRoot: string, target: string, outputs: ReadonlyMap<string, string>): void {
  const staging = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  for (const [path, text] of outputs) {
    const stagedPath = join(staging, relative(target, path));
    mkdirSync(dirname(stagedPath), { recursive: true });
    writeFileSync(stagedPath, text);
  }
  try {
    renameSync(staging, target);
  } catch {
    // Another run published the same key first; its copy is identical.
    rmSync(staging, { recursive: true, force: true });
  }
  pruneCache(cacheRoot);
}

function pruneCache(cacheRoot: string): void {
  const entries = readdirSync(cacheRoot)
    .map((name) => ({ path: join(cacheRoot, name), modified: statSync(join(cacheRoot, name)).mtimeMs }))
    .sort((a, b) => b.modified - a.modified);
  for (const stale of entries.slice(CACHE_ENTRIES_KEPT)) rmSync(stale.path, { recursive: true, force: true });
}
