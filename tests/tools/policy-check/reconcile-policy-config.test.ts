import assert from "node:assert/strict";
import { PolicyCheckInputError } from "../../../tools/policy-check/errors";
import type { PolicyConfig } from "../../../tools/policy-check/policy-config-file";
import {
  reconcilePolicyConfig,
  type PolicyMetadata,
} from "../../../tools/policy-check/reconcile-policy-config";

function policy(name: string, overrides: Partial<PolicyMetadata> = {}): PolicyMetadata {
  return { name, description: `${name} holds`, enforcementLevel: "mandatory", ...overrides };
}

const retention = policy("log-retention", {
  enforcementLevel: "advisory",
  configSchema: {
    properties: { minimumDays: { type: "integer", minimum: 1, default: 365 }, note: { type: "string" } },
    required: [],
  },
});
const multiRegion = policy("multi-region");
const POLICIES = [multiRegion, retention];

const reconcile = (config: PolicyConfig, initial: PolicyConfig = {}) =>
  reconcilePolicyConfig(POLICIES, initial, config, "config.json");

describe("reconcilePolicyConfig", () => {
  it("starts every policy from its own level and its schema's defaults", () => {
    assert.deepEqual(reconcile({}), {
      "multi-region": { enforcementLevel: "mandatory" },
      "log-retention": { enforcementLevel: "advisory", properties: { minimumDays: 365 } },
    });
  });

  it("lets the file change a level and add to the defaults", () => {
    const config = reconcile({
      "multi-region": { enforcementLevel: "advisory" },
      "log-retention": { properties: { note: "audit" } },
    });
    assert.equal(config["multi-region"].enforcementLevel, "advisory");
    assert.deepEqual(config["log-retention"], {
      enforcementLevel: "advisory",
      properties: { minimumDays: 365, note: "audit" },
    });
  });

  it("applies `all` to every policy first, then named policies over it", () => {
    const config = reconcile({
      all: { enforcementLevel: "disabled" },
      "log-retention": { enforcementLevel: "mandatory" },
    });
    assert.equal(config["multi-region"].enforcementLevel, "disabled");
    assert.equal(config["log-retention"].enforcementLevel, "mandatory");
    assert.deepEqual(config["log-retention"].properties, { minimumDays: 365 });
    // The CLI sends "all" itself too.
    assert.deepEqual(config.all, { enforcementLevel: "disabled" });
  });

  it("applies the pack's initial config before the file", () => {
    const config = reconcile(
      { "log-retention": { properties: { minimumDays: 90 } } },
      { "log-retention": { enforcementLevel: "mandatory", properties: { minimumDays: 30, note: "pack" } } },
    );
    assert.deepEqual(config["log-retention"], {
      enforcementLevel: "mandatory",
      properties: { minimumDays: 90, note: "pack" },
    });
  });

  it("rejects settings the policy's schema forbids, naming policy and property", () => {
    assert.throws(
      () => reconcile({ "log-retention": { properties: { minimumDays: 0 } } }),
      (error: unknown) => {
        assert.ok(error instanceof PolicyCheckInputError);
        assert.equal(error.lines.length, 1);
        assert.match(
          error.lines[0],
          /^config\.json: log-retention\.minimumDays: .*1.* \(got 0\); fix the policy's settings$/,
        );
        return true;
      },
    );
  });

  it("enforces required settings", () => {
    const strict = policy("tags", {
      configSchema: { properties: { keys: { type: "array" } }, required: ["keys"] },
    });
    assert.throws(() => reconcilePolicyConfig([strict], {}, {}, "config.json"), /config\.json: tags\.keys: /);
  });

  it("rejects a policy name the pack does not have, listing those it has", () => {
    assert.throws(
      () => reconcile({ "multi-regoin": { enforcementLevel: "advisory" } }),
      /config\.json: multi-regoin: no policy of that name in the pack; use one of log-retention, multi-region or all/,
    );
  });
});
