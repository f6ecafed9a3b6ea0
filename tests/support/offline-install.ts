import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
} from "node:fs";
import { copyFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;

/**
 * The directory Node would load package `name` from when required in `fromDir`, looking no higher than
 * `root`: `<dir>/node_modules/<name>` for `fromDir` and each of its ancestors in turn.
 */
function findPackage(name: string, fromDir: string, root: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/**
 * What `npm install` would put in `targetDir/node_modules` for the dependencies of `targetDir/package.json`,
 * taken from an existing install under `sourceRoot` (the repository's node_modules) without any network:
 * every package the declared dependencies need, transitively (dependencies, optional and required peer
 * dependencies), each at the relative path npm gave it there. Files are hard-linked (copied across
 * file systems), so a large tree costs little. Returns the packages installed, relative to node_modules.
 */
export function installFromNodeModules(targetDir: string, sourceRoot: string): string[] {
  const wanted = Object.keys(readManifest(targetDir).dependencies ?? {});
  const found = new Set<string>();
  const queue: { name: string; from: string; optional: boolean }[] = wanted.map((name) => ({
    name,
    from: sourceRoot,
    optional: false,
  }));
  while (queue.length > 0) {
    const { name, from, optional } = queue.shift()!;
    const dir = findPackage(name, from, sourceRoot);
    if (dir === undefined) {
      if (optional) continue;
      throw new Error(`${name} (needed from ${from}) is not installed under ${sourceRoot}; run npm ci`);
    }
    if (found.has(dir)) continue;
    found.add(dir);
    const manifest = readManifest(dir);
    const requiredPeers = Object.keys(manifest.peerDependencies ?? {}).filter(
      (peer) => !manifest.peerDependenciesMeta?.[peer]?.optional,
    );
    for (const dependency of [...Object.keys(manifest.dependencies ?? {}), ...requiredPeers]) {
      queue.push({ name: dependency, from: dir, optional: false });
    }
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) {
      queue.push({ name: dependency, from: dir, optional: true });
    }
  }
  const installed = [...found].map((dir) => relative(join(sourceRoot, "node_modules"), dir)).sort();
  for (const path of installed) {
    linkTree(join(sourceRoot, "node_modules", path), join(targetDir, "node_modules", path));
  }
  return installed;
}

/** Mirrors a package directory, leaving out its own node_modules (nested packages are installed on their own). */
function linkTree(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = join(source, entry.name);
    const to = join(target, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") linkTree(from, to);
    } else if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(from), to);
    } else {
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
  }
}
