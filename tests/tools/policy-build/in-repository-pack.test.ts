import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPOSITORY_ROOT } from "../../../tools/policy-build/build-pack";

interface Manifest {
  version: string;
  main?: string;
  dependencies: Record<string, string>;
}

const readManifest = (path: string) =>
  JSON.parse(readFileSync(join(REPOSITORY_ROOT, path), "utf8")) as Manifest;

describe("policy-pack/package.json, which `pulumi preview --policy-pack policy-pack` reads", () => {
  const root = readManifest("package.json");
  const pack = readManifest("policy-pack/package.json");

  // @pulumi/policy reports the version in the pack directory's package.json; the built pack takes the
  // root's. Equal versions keep `policy-pack/` and `policy-pack/dist/` one pack in every report.
  it("has the repository's version, so both forms of the pack report the same version", () => {
    assert.equal(pack.version, root.version);
  });

  it("asks for the same @pulumi/policy and @pulumi/pulumi ranges as the root, which installs them", () => {
    for (const [name, range] of Object.entries(pack.dependencies)) {
      assert.equal(
        range,
        root.dependencies[name],
        `${name}: ${range} in policy-pack/, ${root.dependencies[name]} at the root`,
      );
    }
    assert.deepEqual(Object.keys(pack.dependencies).sort(), ["@pulumi/policy", "@pulumi/pulumi"]);
  });

  // `pulumi policy publish` packs a Node.js pack with `npm pack` (pulumi/pulumi, sdk/nodejs/npm/npm.go), which
  // runs the prepack script first: publishing policy-pack/ itself would upload a pack that cannot load
  // outside this repository, so it stops there and names the built pack instead.
  it("refuses `npm pack`, and so `pulumi policy publish`, pointing at the built pack", () => {
    const packDir = join(REPOSITORY_ROOT, "policy-pack");
    const result = spawnSync("npm", ["pack", "--loglevel=error", "--offline"], {
      cwd: packDir,
      encoding: "utf8",
    });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /publish the built pack instead: npm run policy:build/);
    assert.deepEqual(
      readdirSync(packDir).filter((name) => name.endsWith(".tgz")),
      [],
    );
  });
});
