import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { resolveRelative } from "./module-resolution";

type TypeScript = typeof import("typescript");

export interface LocalModule {
  readonly path: string;
  readonly text: string;
}

export interface LocalModuleGraph {
  readonly modules: readonly LocalModule[];
  /** Why the graph cannot be copied elsewhere and run from there, if it cannot. */
  readonly unsupported?: string;
}

const SUPPORTED_EXTENSIONS = new Set([".ts", ".js", ".json"]);

/**
 * Every file the pack's program reaches through relative imports and `require` calls, found the way Node
 * would resolve them. Package imports are left out: they load from node_modules, compiled or not.
 */
export function collectLocalModules(ts: TypeScript, entry: string): LocalModuleGraph {
  const modules: LocalModule[] = [];
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const extension = extname(path);
    if (!SUPPORTED_EXTENSIONS.has(extension) || path.endsWith(".d.ts")) {
      return { modules, unsupported: `${path} is neither TypeScript, JavaScript nor JSON` };
    }
    const text = readFileSync(path, "utf8");
    modules.push({ path, text });
    if (extension === ".json") continue;
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith(".") && !specifier.startsWith("/")) continue;
      const target = resolveRelative(specifier, path);
      // Unresolvable imports are type-only ones (elided when compiled) or errors the runner reports itself.
      if (target === undefined || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return { modules };
}
