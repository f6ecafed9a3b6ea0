import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PolicyCheckInputError } from "../../../tools/policy-check/errors";
import { parseDeployment, readDeployment } from "../../../tools/policy-check/read-deployment";
import { awsProvider, deploymentOf, mixedTrailsDeployment, rootStack, trail } from "./deployment-builders";

function inputErrorLines(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    assert.ok(
      error instanceof PolicyCheckInputError,
      `expected a PolicyCheckInputError, got ${String(error)}`,
    );
    return error.lines;
  }
  assert.fail("expected the deployment to be rejected");
}

describe("parseDeployment", () => {
  it("keeps every resource of a valid export, in order", () => {
    const deployment = parseDeployment(mixedTrailsDeployment(), "state.json");
    assert.equal(deployment.source, "state.json");
    assert.deepEqual(
      deployment.resources.map((resource) => resource.type),
      [
        "pulumi:pulumi:Stack",
        "pulumi:providers:aws",
        "aws:cloudtrail/trail:Trail",
        "aws:cloudtrail/trail:Trail",
      ],
    );
  });

  it("accepts the fields real exports carry beyond those the analyzer uses", () => {
    const provider = awsProvider();
    const document = deploymentOf([
      { ...rootStack(), created: "2025-01-01T00:00:00Z", sourcePosition: "project:///index.ts#3" },
      provider,
      trail("org-trail", provider),
    ]);
    const withExtras = {
      ...document,
      deployment: { ...document.deployment, secrets_providers: { type: "passphrase" }, metadata: {} },
    };
    assert.equal(parseDeployment(withExtras, "state.json").resources.length, 3);
  });

  it("treats a deployment without resources as empty", () => {
    assert.deepEqual(
      parseDeployment({ version: 3, deployment: { manifest: {} } }, "empty.json").resources,
      [],
    );
  });

  it("names the file and the path inside it when a resource is malformed", () => {
    const provider = awsProvider();
    const document = deploymentOf([
      rootStack(),
      provider,
      { ...trail("org-trail", provider), urn: "org-trail" },
    ]);
    const lines = inputErrorLines(() => parseDeployment(document, "state.json"));
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^state\.json: deployment\.resources\[2\]\.urn: .*urn:pulumi:.*\(got "org-trail"\)$/,
    );
  });

  it("rejects export formats other than version 3 with the version it got", () => {
    const lines = inputErrorLines(() =>
      parseDeployment({ ...mixedTrailsDeployment(), version: 4 }, "old.json"),
    );
    assert.match(lines[0], /^old\.json: version: .*3.*\(got 4\)$/);
  });

  it("reports every malformed field, one line each", () => {
    const document = deploymentOf([{ urn: 7, custom: "yes", type: "" } as never]);
    const lines = inputErrorLines(() => parseDeployment(document, "bad.json"));
    assert.deepEqual(
      lines.map((line) => line.split(": ")[1]),
      ["deployment.resources[0].urn", "deployment.resources[0].custom", "deployment.resources[0].type"],
    );
  });
});

describe("readDeployment", () => {
  const dir = mkdtempSync(join(tmpdir(), "policy-check-read-"));

  it("reads a state file from disk", async () => {
    const path = join(dir, "state.json");
    writeFileSync(path, JSON.stringify(mixedTrailsDeployment()));
    assert.equal((await readDeployment(path)).resources.length, 4);
  });

  it("says which file is not JSON", async () => {
    const path = join(dir, "truncated.json");
    writeFileSync(path, '{"version": 3, "deployment": {');
    await assert.rejects(readDeployment(path), (error: unknown) => {
      assert.ok(error instanceof PolicyCheckInputError);
      assert.equal(error.lines.length, 1);
      assert.match(error.lines[0], /truncated\.json: the state file is not valid JSON/);
      return true;
    });
  });

  it("says which file is missing", async () => {
    await assert.rejects(
      readDeployment(join(dir, "nowhere.json")),
      /nowhere\.json: cannot read the state file \(ENOENT\)/,
    );
  });
});
