import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The file of the built pack that carries the licences of the packages bundled into index.js. */
export const NOTICES_FILE = "THIRD-PARTY-NOTICES.txt";

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;

/**
 * The package directories (relative to the repository root) that bundled source files come from, e.g.
 * `node_modules/zod/v4/core/core.js` → `node_modules/zod`; scoped and nested packages included.
 */
export function bundledPackageDirs(inputs: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]);
  }
  return [...dirs].sort();
}

/**
 * One text with, for each bundled package, its name, version, declared licence and licence file: MIT and
 * similar licences ask that the notice travel with every copy, and the bundle is a copy.
 */
export function thirdPartyNotices(root: string, packageDirs: readonly string[]): string {
  const sections = packageDirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
      name?: string;
      version?: string;
      license?: string;
    };
    const licenseFile = existsSync(join(root, dir))
      ? readdirSync(join(root, dir)).find((name) => LICENSE_FILE.test(name))
      : undefined;
    const text = licenseFile
      ? readFileSync(join(root, dir, licenseFile), "utf8").trim()
      : "(the package ships no licence file)";
    return `${manifest.name}@${manifest.version} (${manifest.license ?? "no licence declared"})\n\n${text}`;
  });
  const header =
    "index.js bundles the following packages. Their licences follow, as each package ships them.\n";
  return `${[header, ...sections].join(`\n\n${"-".repeat(72)}\n\n`)}\n`;
}
