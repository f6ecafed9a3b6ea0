import assert from "node:assert/strict";
import {
  actionCovers,
  buildLogGroupKeyPolicy,
  listOf,
  LOG_GROUP_ARN,
  MANAGEMENT_ACCOUNT_ID,
  statement,
} from "../../support/policy-fixtures";

describe("logGroupKeyPolicy", () => {
  const policy = buildLogGroupKeyPolicy();

  it("has an administration statement and a CloudWatch Logs statement", () => {
    assert.deepEqual(
      policy.Statement.map((s) => s.Sid),
      ["AccountAdministers", "CloudWatchLogsEncryptsTrailLogGroup"],
    );
  });

  // "Encrypt log data in CloudWatch Logs using AWS Key Management Service" (CloudWatch Logs user guide):
  // the principal is logs.<region>.amazonaws.com and every request carries the log group's ARN as the
  // kms:EncryptionContext:aws:logs:arn encryption context.
  it("lets the regional CloudWatch Logs principal use the key only for the trail's log group", () => {
    const logs = statement(policy, "CloudWatchLogsEncryptsTrailLogGroup");
    assert.equal(logs.Effect, "Allow");
    assert.deepEqual(logs.Principal, { Service: "logs.eu-west-1.amazonaws.com" });
    assert.deepEqual(logs.Condition, {
      ArnEquals: { "kms:EncryptionContext:aws:logs:arn": LOG_GROUP_ARN },
    });
    assert.ok(!LOG_GROUP_ARN.includes("*"));
    assert.ok(listOf(logs.Action).some((pattern) => actionCovers(pattern, "kms:GenerateDataKey")));
    assert.ok(listOf(logs.Action).some((pattern) => actionCovers(pattern, "kms:Decrypt")));
  });

  it("follows the region, partition included", () => {
    const china = statement(buildLogGroupKeyPolicy("cn-north-1"), "CloudWatchLogsEncryptsTrailLogGroup");
    assert.deepEqual(china.Principal, { Service: "logs.cn-north-1.amazonaws.com" });
    assert.deepEqual(china.Condition, {
      ArnEquals: {
        "kms:EncryptionContext:aws:logs:arn": `arn:aws-cn:logs:cn-north-1:${MANAGEMENT_ACCOUNT_ID}:log-group:/org-governance/cloudtrail/org-governance`,
      },
    });
  });

  it("lets the management account administer the key without using it", () => {
    const admin = statement(policy, "AccountAdministers");
    assert.deepEqual(admin.Principal, { AWS: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:root` });
    for (const pattern of listOf(admin.Action)) {
      for (const action of ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom"]) {
        assert.ok(!actionCovers(pattern, action), `${pattern} grants ${action}`);
      }
    }
  });
});
