import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
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
});
