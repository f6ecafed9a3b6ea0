import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type * as ts from "typescript";

/**
 * The type-check `pulumi up` does before the program runs (ts-node compiles `index.ts` and what it imports
 * with the project's `tsconfig.json`), kept fast between runs by TypeScript's own build mode (`tsc -b`):
 * an incremental build-info file records each source file's hash and the diagnostics, so an unchanged
 * program is "up to date" without parsing it again, and a changed one re-checks only what the change
 * reaches. The root files are `index.ts`, `components/` and `lib/` (everything the program imports, a
 * little more than ts-node would reach, never less).
 *
 * The cache lives in `node_modules/.cache/org-governance/`, outside the sources and the commit, under a
 * key of the lock file, the tsconfig and the TypeScript version: build mode compares the program's own
 * files only, so a dependency update starts a new cache instead of trusting an old verdict.
 */
export interface TypeCheckResult {
  /** TypeScript's diagnostics, one formatted line each (`file(line,col): error TS…: message`). */
  readonly errors: readonly string[];
  /** Whether the cache said the program was unchanged since its last clean check. */
  readonly upToDate: boolean;
}

export const PROGRAM_ROOTS = ["index.ts", "components/**/*.ts", "lib/**/*.ts"] as const;

export function typeCheckProgram(
  projectDir: string,
  cacheRoot = defaultCacheRoot(projectDir),
): TypeCheckResult {
  // ts-node has loaded TypeScript already to transpile this command: requiring it again is free.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const typescript = require("typescript") as typeof ts;
  const configPath = writeCacheConfig(typescript, projectDir, cacheRoot);
  const errors: string[] = [];
  const formatHost: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => projectDir,
    getNewLine: () => "\n",
  };
  const host = typescript.createSolutionBuilderHost(typescript.sys, undefined, (diagnostic) =>
    errors.push(typescript.formatDiagnostic(diagnostic, formatHost).trimEnd()),
  );
  const builder = typescript.createSolutionBuilder(host, [configPath], {});
  const upToDate = builder.getNextInvalidatedProject() === undefined;
  if (!upToDate) builder.build();
  return { errors, upToDate };
}

/** `ORG_GOV_TYPE_CHECK_CACHE` moves the cache (the bench times a cold one); by default it sits in node_modules. */
function defaultCacheRoot(projectDir: string): string {
  return (
    process.env.ORG_GOV_TYPE_CHECK_CACHE || path.join(projectDir, "node_modules", ".cache", "org-governance")
  );
}

/** The build-mode config of this cache key, written once: `extends` the project's own tsconfig. */
function writeCacheConfig(typescript: typeof ts, projectDir: string, cacheRoot: string): string {
  const tsconfig = path.join(projectDir, "tsconfig.json");
  const lockFile = path.join(projectDir, "package-lock.json");
  const key = createHash("sha256")
    .update(typescript.version)
    .update(readFileSync(tsconfig))
    .update(existsSync(lockFile) ? readFileSync(lockFile) : "")
    .digest("hex")
    .slice(0, 16);
  const directory = path.join(cacheRoot, `type-check-${key}`);
  const configPath = path.join(directory, "tsconfig.json");
  const config = {
    extends: tsconfig,
    compilerOptions: { noEmit: true, incremental: true, tsBuildInfoFile: "./program.tsbuildinfo" },
    include: PROGRAM_ROOTS.map((root) => path.join(projectDir, root)),
  };
  const text = `${JSON.stringify(config, null, 2)}\n`;
  if (!existsSync(configPath) || readFileSync(configPath, "utf8") !== text) {
    mkdirSync(directory, { recursive: true });
    writeFileSync(configPath, text);
  }
  return configPath;
}
