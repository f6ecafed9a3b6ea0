import assert from "node:assert/strict";
import { z } from "zod";
import { NO_CONFIG, policyConfig } from "../../../policy-pack/lib/config";

const config = policyConfig(
  z.strictObject({
    minimumRetentionDays: z.number().int().min(1).default(365).describe("days"),
    mode: z.enum(["COMPLIANCE", "GOVERNANCE"]).default("COMPLIANCE"),
  }),
);

describe("policy config", () => {
  it("derives the JSON schema Pulumi shows, defaults included", () => {
    const properties = config.configSchema?.properties ?? {};
    assert.deepEqual(Object.keys(properties), ["minimumRetentionDays", "mode"]);
    assert.equal((properties.minimumRetentionDays as { default?: unknown }).default, 365);
    assert.deepEqual((properties.mode as { enum?: unknown }).enum, ["COMPLIANCE", "GOVERNANCE"]);
    assert.equal(config.configSchema?.required, undefined);
  });

  it("applies defaults to missing settings", () => {
    assert.deepEqual(config.parse({}, "p"), { minimumRetentionDays: 365, mode: "COMPLIANCE" });
    assert.deepEqual(config.parse(undefined, "p"), { minimumRetentionDays: 365, mode: "COMPLIANCE" });
  });

  it("rejects a wrong value in one line naming the policy, the key and the value", () => {
    assert.throws(
      () => config.parse({ minimumRetentionDays: "a year" }, "trail-bucket-object-lock"),
      (error: Error) =>
        !error.message.includes("\n") &&
        /^policy config trail-bucket-object-lock\.minimumRetentionDays: .*number.*\(got "a year"\).*--policy-pack-config$/.test(
          error.message,
        ),
    );
  });

  it("rejects misspelt keys, also for policies without settings", () => {
    assert.throws(
      () => config.parse({ minimumRetentionDay: 400 }, "p"),
      /p\.minimumRetentionDay: unknown key/,
    );
    assert.throws(() => NO_CONFIG.parse({ days: 1 }, "q"), /q\.days: unknown key/);
    assert.equal(NO_CONFIG.configSchema, undefined);
  });

  it("lists the settings without a default as required, so Pulumi asks for them", () => {
    const withRequired = policyConfig(
      z.strictObject({ exemptRole: z.string(), days: z.number().default(1) }),
    );
    assert.deepEqual(withRequired.configSchema?.required, ["exemptRole"]);
    assert.ok(
      !("required" in (config.configSchema ?? {})),
      "no empty required list when every setting has a default",
    );
  });

  it("names every wrong setting in the one line, separated", () => {
    assert.throws(
      () => config.parse({ minimumRetentionDays: "a year", mode: "LEGAL_HOLD" }, "p"),
      /p\.minimumRetentionDays: .*; policy config p\.mode: .*; fix it/,
    );
  });
});
