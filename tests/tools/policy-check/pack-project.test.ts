import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PolicyPackError } from "../../../tools/policy-check/errors";
import { loadPackProject } from "../../../tools/policy-check/pack-project";

const MINIMAL_PACK = resolve(__dirname, "../../fixtures/policy-packs/minimal");

/** A pack directory under the OS temp dir, where @pulumi/pulumi cannot be resolved. */
function packDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "policy-check-pack-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("loadPackProject", () => {
  it("finds the runner the CLI's shim would use, from the pack directory", async () => {
    const project = await loadPackProject(MINIMAL_PACK);
    assert.equal(project.dir, MINIMAL_PACK);
    assert.equal(
      project.runner,
      resolve(__dirname, "../../../node_modules/@pulumi/pulumi/cmd/run-policy-pack"),
    );
  });

  it("reads the version and turns runtime options into -key=value arguments, as the CLI does", async () => {
    const project = await loadPackProject(MINIMAL_PACK);
    assert.equal(project.version, "0.0.2");
    assert.deepEqual(project.runtimeArgs, ["-typescript=true"]);
  });

  it("says the dependencies are missing when the runner cannot be resolved", async () => {
    const dir = packDir({ "PulumiPolicy.yaml": "runtime: nodejs\n" });
    await assert.rejects(
      loadPackProject(dir),
      /cannot find @pulumi\/pulumi\/cmd\/run-policy-pack; .*npm install/,
    );
  });

  it("refuses a directory without PulumiPolicy.yaml", async () => {
    const dir = packDir({ "package.json": "{}" });
    await assert.rejects(loadPackProject(dir), (error: unknown) => {
      assert.ok(error instanceof PolicyPackError);
      assert.equal(
        error.message,
        `${dir}: no PulumiPolicy.yaml, so this is not a policy pack; pass --pack <pack dir>`,
      );
      return true;
    });
  });

  it("refuses runtimes other than nodejs", async () => {
    const dir = packDir({ "PulumiPolicy.yaml": "runtime: python\n" });
    await assert.rejects(
      loadPackProject(dir),
      /runtime python is not supported; this check runs nodejs packs/,
    );
  });

  it("says where PulumiPolicy.yaml is malformed", async () => {
    const dir = packDir({ "PulumiPolicy.yaml": "description: no runtime\n" });
    await assert.rejects(loadPackProject(dir), /PulumiPolicy\.yaml: runtime: /);
  });
});
