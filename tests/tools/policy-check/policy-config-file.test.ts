import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PolicyCheckInputError } from "../../../tools/policy-check/errors";
import { parsePolicyConfig, readPolicyConfig } from "../../../tools/policy-check/policy-config-file";

function rejectionLines(document: unknown): readonly string[] {
  try {
    parsePolicyConfig(document, "config.json");
  } catch (error) {
    assert.ok(error instanceof PolicyCheckInputError);
    return error.lines;
  }
  assert.fail("expected the policy config to be rejected");
}

describe("parsePolicyConfig", () => {
  it("reads a bare string as an enforcement level", () => {
    assert.deepEqual(parsePolicyConfig({ "trail-multi-region": "advisory" }, "c"), {
      "trail-multi-region": { enforcementLevel: "advisory" },
    });
  });

  it("splits an object's enforcementLevel from its other properties", () => {
    const config = parsePolicyConfig(
      {
        "trail-bucket-object-lock": {
          enforcementLevel: "mandatory",
          mode: "COMPLIANCE",
          minimumRetentionDays: 365,
        },
      },
      "c",
    );
    assert.deepEqual(config, {
      "trail-bucket-object-lock": {
        enforcementLevel: "mandatory",
        properties: { mode: "COMPLIANCE", minimumRetentionDays: 365 },
      },
    });
  });

  it("keeps properties without a level, and drops entries with neither, as the CLI does", () => {
    assert.deepEqual(parsePolicyConfig({ tags: { requiredKeys: ["owner"] }, empty: {} }, "c"), {
      tags: { properties: { requiredKeys: ["owner"] } },
    });
  });

  it("names the policy whose level is not one of the four", () => {
    const lines = rejectionLines({ "trail-multi-region": "strict" });
    assert.deepEqual(lines, [
      'config.json: trail-multi-region: expected one of advisory, mandatory, remediate, disabled (got "strict")',
    ]);
  });

  it("names the policy whose object holds a bad level", () => {
    const lines = rejectionLines({ tags: { enforcementLevel: "warn", requiredKeys: [] } });
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^config\.json: tags\.enforcementLevel: expected one of .* \(got "warn"\)$/);
  });

  it("rejects values that are neither a level nor an object, one line per policy", () => {
    const lines = rejectionLines({ a: 3, b: ["mandatory"], c: "advisory" });
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^config\.json: a: expected an enforcement level or an object \(got 3\)$/);
    assert.match(lines[1], /^config\.json: b: /);
  });

  it("rejects a document that is not an object", () => {
    assert.match(rejectionLines(["mandatory"])[0], /^config\.json: expected an object/);
  });
});

describe("readPolicyConfig", () => {
  const dir = mkdtempSync(join(tmpdir(), "policy-check-config-"));

  it("treats an empty file as no configuration", async () => {
    const path = join(dir, "empty.json");
    writeFileSync(path, "  \n");
    assert.deepEqual(await readPolicyConfig(path), {});
  });

  it("prefixes errors with the file's path", async () => {
    const path = join(dir, "bad.json");
    writeFileSync(path, JSON.stringify({ tags: "loud" }));
    await assert.rejects(readPolicyConfig(path), (error: unknown) => {
      assert.ok(error instanceof PolicyCheckInputError);
      assert.ok(error.lines[0].startsWith(`${path}: tags: `));
      return true;
    });
  });
});
