import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Extensions `require` tries, in order, once ts-node has registered `.ts` (Module._extensions order). */
export const REQUIRE_EXTENSIONS = [".js", ".json", ".node", ".ts"] as const;

/** The file `require(<pack dir>)` loads in the runner: package.json `main`, else `index`. */
export function resolvePackEntry(packDir: string): string | undefined {
  return resolveDirectory(resolve(packDir));
}

/** The file a relative `require(specifier)` from `fromFile` loads, or undefined if there is none. */
export function resolveRelative(specifier: string, fromFile: string): string | undefined {
  const target = resolve(dirname(fromFile), specifier);
  return resolveFile(target) ?? resolveDirectory(target);
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function resolveFile(path: string): string | undefined {
  if (isFile(path)) return path;
  return REQUIRE_EXTENSIONS.map((extension) => path + extension).find(isFile);
}

function resolveDirectory(dir: string): string | undefined {
  const manifest = join(dir, "package.json");
  if (isFile(manifest)) {
    const main = readMain(manifest);
    if (main) {
      const entry = resolveFile(join(dir, main)) ?? resolveFile(join(dir, main, "index"));
      if (entry) return entry;
    }
  }
  return resolveFile(join(dir, "index"));
}

function readMain(manifest: string): string | undefined {
  try {
    const { main } = JSON.parse(readFileSync(manifest, "utf8")) as { main?: unknown };
    return typeof main === "string" && main !== "" ? main : undefined;
  } catch {
    return undefined;
  }
}
