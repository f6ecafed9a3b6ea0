import assert from "node:assert/strict";
import { named, plan, policyOf, stackConfig, statement } from "../support/plan";

const GROUP = "/org-governance/cloudtrail/org-governance";
const GROUP_ARN = `arn:aws:logs:eu-west-1:111122223333:log-group:${GROUP}`;

describe("TrailLogDelivery", () => {
  it("creates a KMS-encrypted log group with the configured retention (365 days by default)", async () => {
    const result = await plan(stackConfig());
    const group = named(result, "trail-logs-log-group");
    assert.equal(group.inputs.name, GROUP);
    assert.equal(group.inputs.retentionInDays, 365);
    assert.equal(group.inputs.kmsKeyId, named(result, "trail-logs-key").outputs.arn);
    const custom = await plan(stackConfig({ trail: { cloudWatchLogs: { retentionDays: 731 } } }));
    assert.equal(named(custom, "trail-logs-log-group").inputs.retentionInDays, 731);
  });

  it("lets CloudWatch Logs use the key only for that log group", async () => {
    const key = named(await plan(stackConfig()), "trail-logs-key");
    assert.equal(key.inputs.enableKeyRotation, true);
    const grant = statement(policyOf(key), "CloudWatchLogsEncryptsTrailLogGroup");
    assert.deepEqual(grant.Principal, { Service: "logs.eu-west-1.amazonaws.com" });
    assert.deepEqual(grant.Condition, { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": GROUP_ARN } });
  });

  it("has a role CloudTrail assumes without source conditions, which the delivery role does not support", async () => {
    // "Role policy document for CloudTrail to use CloudWatch Logs for monitoring" (CloudTrail user guide).
    const role = named(await plan(stackConfig()), "trail-logs-role");
    const trust = statement(policyOf(role, "assumeRolePolicy"), "CloudTrailAssumesDeliveryRole");
    assert.deepEqual(trust.Principal, { Service: "cloudtrail.amazonaws.com" });
    assert.equal(trust.Condition, undefined);
  });

  it("lets the role write only to the trail's streams in that group", async () => {
    const policy = policyOf(named(await plan(stackConfig()), "trail-logs-role-policy"));
    assert.equal(policy.Statement.length, 1);
    const [grant] = policy.Statement;
    assert.deepEqual(grant.Action, ["logs:CreateLogStream", "logs:PutLogEvents"]);
    assert.deepEqual(grant.Resource, [
      `${GROUP_ARN}:log-stream:111122223333_CloudTrail_eu-west-1*`,
      `${GROUP_ARN}:log-stream:o-7xk2p9q4ab_*`,
    ]);
  });

  it("lives in the management account", async () => {
    const result = await plan(stackConfig());
    const management = named(result, "management-account");
    assert.deepEqual(JSON.parse(management.inputs.allowedAccountIds as string), ["111122223333"]);
    for (const name of [
      "trail-logs-log-group",
      "trail-logs-key",
      "trail-logs-role",
      "trail-logs-role-policy",
    ]) {
      assert.ok(named(result, name).provider?.startsWith(management.urn), name);
    }
  });
});
