import assert from "node:assert/strict";
import { builtinModules } from "node:module";
import { parse as parseYaml } from "yaml";
import {
  externalPackages,
  isAllowedExternal,
  PackBuildError,
  packManifest,
  packProjectFile,
} from "../../../tools/policy-build/manifest";

const ROOT = { name: "org-governance", version: "1.4.0", license: "Apache-2.0", engines: { node: ">=20" } };
const PACK = {
  name: "org-governance-policy-pack",
  description: "CrossGuard policies",
  dependencies: { "@pulumi/pulumi": "^3.248.0", "@pulumi/policy": "^1.21.0" },
};
const LOCK = {
  packages: {
    "node_modules/@pulumi/policy": { version: "1.21.0" },
    "node_modules/@pulumi/pulumi": { version: "3.248.0" },
    "node_modules/@pulumi/policy/node_modules/@pulumi/pulumi": { version: "3.1.0" },
  },
};

describe("policy-build manifest", () => {
  it("leaves exactly the in-repository pack's declared dependencies to npm install", () => {
    assert.deepEqual(externalPackages(PACK), ["@pulumi/policy", "@pulumi/pulumi"]);
    assert.deepEqual(externalPackages({}), []);
  });

  it("takes the repository's version and pins each dependency to the top-level version the lock installed", () => {
    const manifest = packManifest(ROOT, PACK, LOCK);
    assert.equal(manifest.version, "1.4.0");
    assert.equal(manifest.main, "index.js");
    assert.equal(manifest.private, true);
    assert.deepEqual(manifest.dependencies, { "@pulumi/policy": "1.21.0", "@pulumi/pulumi": "3.248.0" });
    assert.deepEqual(manifest.engines, { node: ">=20" });
  });

  it("refuses a dependency the lock does not pin and a repository without a version, naming the fix", () => {
    assert.throws(
      () => packManifest(ROOT, { dependencies: { zod: "^4" } }, LOCK),
      (error: unknown) =>
        error instanceof PackBuildError && /does not pin zod.*run npm install/.test(error.message),
    );
    assert.throws(() => packManifest({ ...ROOT, version: undefined }, PACK, LOCK), /no version; add one/);
  });

  it("writes the version into PulumiPolicy.yaml and keeps the rest", () => {
    const written = parseYaml(packProjectFile("description: Guardrails\nruntime: nodejs\n", "1.4.0"));
    assert.deepEqual(written, { description: "Guardrails", runtime: "nodejs", version: "1.4.0" });
  });

  it("refuses a project file that is not a Node.js pack", () => {
    assert.throws(() => packProjectFile("runtime: python\n", "1.0.0"), /runtime "python" is not nodejs/);
    assert.throws(() => packProjectFile("- a\n", "1.0.0"), /not a mapping/);
  });

  it("allows built-in modules and the declared packages with their subpaths, and nothing else", () => {
    const allowed = (path: string) => isAllowedExternal(path, ["@pulumi/pulumi"], builtinModules);
    assert.ok(allowed("node:crypto") && allowed("fs/promises") && allowed("path"));
    assert.ok(allowed("@pulumi/pulumi") && allowed("@pulumi/pulumi/runtime"));
    assert.ok(!allowed("@pulumi/pulumix") && !allowed("zod") && !allowed("@pulumi/policy"));
  });
});
