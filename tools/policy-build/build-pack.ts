import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import {
  BUNDLE_FILE,
  externalPackages,
  isAllowedExternal,
  packManifest,
  packProjectFile,
  PackBuildError,
  type PackageJson,
  type PackageLock,
} from "./manifest";

/** The repository this file belongs to: tools/policy-build/ → the root. */
export const REPOSITORY_ROOT = resolve(__dirname, "..", "..");
/** Where `npm run policy:build` writes when no --out is given (gitignored). */
export const DEFAULT_OUT_DIR = join(REPOSITORY_ROOT, "policy-pack", "dist");

export interface BuildOptions {
  /** The directory to write the pack to; created if missing, its parent must exist. */
  readonly outDir: string;
  /** @default the repository holding this file */
  readonly repositoryRoot?: string;
}

export interface BuiltPack {
  readonly outDir: string;
  readonly name: string;
  readonly version: string;
  /** What `npm install` in the pack directory installs: the only packages the bundle imports. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** Files written, relative to outDir. */
  readonly files: readonly string[];
  /** Source files bundled into index.js, relative to the repository root. */
  readonly bundledInputs: number;
  readonly bundleBytes: number;
}

/** Files copied unchanged from policy-pack/ when present: the policy config teams start from. */
const COPIED_FILES = ["policy-config.example.json"];

/**
 * Writes a self-contained, publishable policy pack: policy-pack/index.ts and everything it imports (the
 * controls catalog, the filter-pattern engine, re2js, zod) bundled by esbuild into one CommonJS file, a
 * package.json whose only dependencies are @pulumi/policy and @pulumi/pulumi, and PulumiPolicy.yaml. The
 * policies come from whatever policy-pack/policies/index.ts lists, so the build never needs editing when a
 * policy is added.
 */
export async function buildPolicyPack(options: BuildOptions): Promise<BuiltPack> {
  const root = resolve(options.repositoryRoot ?? REPOSITORY_ROOT);
  const source = join(root, "policy-pack");
  const outDir = resolve(options.outDir);
  prepareOutDir(outDir);

  const rootPackage = readJson<PackageJson>(join(root, "package.json"));
  const packPackage = readJson<PackageJson>(join(source, "package.json"));
  const lock = readJson<PackageLock>(join(root, "package-lock.json"));
  const manifest = packManifest(rootPackage, packPackage, lock);
  const version = manifest.version as string;
  const projectFile = packProjectFile(readText(join(source, "PulumiPolicy.yaml")), version);
  const externals = externalPackages(packPackage);

  // Loaded here, not at the top: `--help` must not pay for esbuild.
  const esbuild = await import("esbuild");
  let result: import("esbuild").BuildResult<{ metafile: true }>;
  try {
    result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [join(source, "index.ts")],
      tsconfig: join(source, "tsconfig.json"),
      outfile: join(outDir, BUNDLE_FILE),
      bundle: true,
      platform: "node",
      format: "cjs",
      target: nodeTarget(rootPackage),
      external: externals.flatMap((name) => [name, `${name}/*`]),
      // Readable on purpose: reviewers audit what a policy pack runs, and stack traces name real functions.
      minify: false,
      keepNames: true,
      legalComments: "eof",
      banner: {
        js: `// ${manifest.name} ${version}: bundled from policy-pack/index.ts by \`npm run policy:build\`. Do not edit.`,
      },
      metafile: true,
      logLevel: "silent",
    });
  } catch (error) {
    throw new PackBuildError(`bundling policy-pack/index.ts failed: ${firstBuildError(error)}`);
  }

  const leaked = importedExternals(result.metafile).filter(
    (path) => !isAllowedExternal(path, externals, builtinModules),
  );
  if (leaked.length > 0) {
    throw new PackBuildError(
      `the bundle still imports ${leaked.join(", ")}, which its package.json does not declare; ` +
        "bundle it or add it to policy-pack/package.json dependencies",
    );
  }

  writeFileSync(join(outDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(outDir, "PulumiPolicy.yaml"), projectFile);
  const copied = COPIED_FILES.filter((name) => existsSync(join(source, name)));
  for (const name of copied) copyFileSync(join(source, name), join(outDir, name));

  return {
    outDir,
    name: manifest.name as string,
    version,
    dependencies: manifest.dependencies as Record<string, string>,
    files: [BUNDLE_FILE, "package.json", "PulumiPolicy.yaml", ...copied],
    bundledInputs: Object.keys(result.metafile.inputs).length,
    bundleBytes: statSync(join(outDir, BUNDLE_FILE)).size,
  };
}

/**
 * Creates the output directory. An existing one must be empty or hold an earlier build (its files are
 * overwritten; an installed node_modules stays): never write a pack over unrelated files.
 */
function prepareOutDir(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) {
    throw new PackBuildError(`--out ${outDir}: directory ${parent} does not exist; create it first`);
  }
  if (!existsSync(outDir)) {
    mkdirSync(outDir);
    return;
  }
  if (!statSync(outDir).isDirectory()) {
    throw new PackBuildError(`--out ${outDir} is a file; give a directory`);
  }
  const entries = readdirSync(outDir);
  const earlierBuild = entries.includes(BUNDLE_FILE) && entries.includes("PulumiPolicy.yaml");
  if (entries.length > 0 && !earlierBuild) {
    throw new PackBuildError(
      `--out ${outDir} is not empty and holds no earlier build; give an empty or new directory`,
    );
  }
}

/** esbuild's target for the oldest Node.js the repository supports (`engines.node`, e.g. ">=20"). */
function nodeTarget(rootPackage: PackageJson): string {
  const major = /\d+/.exec(rootPackage.engines?.node ?? "")?.[0];
  return `node${major ?? "20"}`;
}

function importedExternals(metafile: import("esbuild").Metafile): string[] {
  const paths = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) if (imported.external) paths.add(imported.path);
  }
  return [...paths].sort();
}

function firstBuildError(error: unknown): string {
  const errors = (error as { errors?: import("esbuild").Message[] }).errors;
  const first = errors?.[0];
  if (!first) return error instanceof Error ? error.message.split("\n")[0] : String(error);
  const where = first.location ? `${first.location.file}:${first.location.line}: ` : "";
  return `${where}${first.text}`;
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new PackBuildError(`${path} cannot be read; restore it from git`);
  }
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readText(path)) as T;
  } catch (error) {
    if (error instanceof PackBuildError) throw error;
    throw new PackBuildError(`${path} is not valid JSON; restore it from git`);
  }
}

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith("..") ? inside : path;
}
