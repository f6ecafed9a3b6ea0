import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import * as ts from "typescript";
import { PROJECT_DIR } from "./support/plan";

const manifest = JSON.parse(readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The package a bare import names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every bare import of the files `pulumi up` loads, following relative imports from `index.ts`. */
function programImports(): Map<string, string> {
  const imports = new Map<string, string>();
  const seen = new Set<string>();
  const pending = [path.join(PROJECT_DIR, "index.ts")];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      if (!fileName.startsWith(".")) {
        if (!imports.has(fileName)) imports.set(fileName, path.relative(PROJECT_DIR, file));
        continue;
      }
      const target = path.resolve(path.dirname(file), fileName);
      const candidate = [`${target}.ts`, path.join(target, "index.ts")].find(existsSync);
      if (candidate) pending.push(candidate);
    }
  }
  return imports;
}

// Pulumi's Node.js language host compiles a TypeScript program with the project's own `typescript` and
// `ts-node` when they resolve, else with a vendored TypeScript 3.8 and ts-node 7
// (@pulumi/pulumi/cmd/run/run.js, "vendor"); a deploy that installs with `npm ci --omit=dev` must find them.
describe("package.json: what `pulumi up` needs is a dependency", () => {
  it("lists the compiler, ts-node and the Node.js types among the dependencies, not devDependencies", () => {
    for (const name of ["typescript", "ts-node", "@types/node"]) {
      assert.ok(name in manifest.dependencies, `${name} is not in dependencies`);
      assert.ok(!(name in manifest.devDependencies), `${name} is also in devDependencies`);
    }
  });

  it("lists every package the program (index.ts and what it imports) loads among the dependencies", () => {
    const imports = programImports();
    assert.ok(imports.has("@pulumi/pulumi"), "the walk reached the program's imports");
    const builtins = new Set(builtinModules);
    for (const [specifier, importer] of imports) {
      if (specifier.startsWith("node:") || builtins.has(specifier)) continue;
      const name = packageOf(specifier);
      assert.ok(
        name in manifest.dependencies,
        `${importer} imports ${specifier}, but ${name} is not a dependency`,
      );
    }
  });
});
