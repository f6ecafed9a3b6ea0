import assert from "node:assert/strict";
import { KEY_ADMINISTRATION_ACTIONS } from "../../../lib/policies/document";
import { ADMINISTRATOR, type Decision, simulateResourcePolicy } from "../../support/iam-simulation";
import {
  actionCovers,
  buildLogGroupKeyPolicy,
  listOf,
  LOG_GROUP_ARN,
  MANAGEMENT_ACCOUNT_ID,
  REGION,
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

  // Judged by a real IAM evaluator (@cloud-copilot/iam-simulate). "Encrypt log data in CloudWatch Logs using
  // AWS Key Management Service": CloudWatch Logs needs kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*,
  // kms:GenerateDataKey* and kms:Describe*, and sets kms:EncryptionContext:aws:logs:arn on every request.
  const KEY_ARN = `arn:aws:kms:${REGION}:${MANAGEMENT_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const LOGS = `logs.${REGION}.amazonaws.com`;
  const CONTEXT = { "kms:EncryptionContext:aws:logs:arn": LOG_GROUP_ARN };

  async function decision(principal: string, action: string, context: Record<string, string> = {}) {
    const outcome = await simulateResourcePolicy(policy, {
      intent: `${principal} ${action}`,
      principal,
      callerPolicies: principal.startsWith("arn:") ? [ADMINISTRATOR] : [],
      action,
      resource: KEY_ARN,
      resourceAccount: MANAGEMENT_ACCOUNT_ID,
      context,
      expected: "Allowed",
    });
    assert.deepEqual(outcome.ignoredContextKeys, [], `${action}: context keys ignored`);
    return outcome.decision;
  }

  it("lets CloudWatch Logs use the key for every operation it performs on the trail's log group", async () => {
    const uses = [
      "kms:Encrypt",
      "kms:Decrypt",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
      "kms:GenerateDataKey",
      "kms:GenerateDataKeyWithoutPlaintext",
    ];
    const got: Record<string, Decision | "error"> = {};
    for (const action of uses) got[action] = await decision(LOGS, action, CONTEXT);
    assert.deepEqual(got, Object.fromEntries(uses.map((action) => [action, "Allowed"])));
    assert.ok(
      listOf(statement(policy, "CloudWatchLogsEncryptsTrailLogGroup").Action).includes("kms:Describe*"),
    );
  });

  it("denies CloudWatch Logs of another region, another log group and a caller without the log group context", async () => {
    assert.equal(
      await decision("logs.us-east-1.amazonaws.com", "kms:GenerateDataKey", CONTEXT),
      "ImplicitlyDenied",
    );
    assert.equal(
      await decision(LOGS, "kms:Decrypt", { "kms:EncryptionContext:aws:logs:arn": `${LOG_GROUP_ARN}-other` }),
      "ImplicitlyDenied",
    );
    assert.equal(await decision(LOGS, "kms:Decrypt"), "ImplicitlyDenied");
    assert.equal(await decision(LOGS, "kms:PutKeyPolicy", CONTEXT), "ImplicitlyDenied");
  });

  // "Key policies in AWS KMS" (Default key policy, key administrators): one administration task per entry of
  // the list, so blanking any entry takes a task away from the account's administrators.
  it("lets the account's administrators perform every administration task, one per entry of the list", async () => {
    const taskOf: Record<string, string> = {
      "kms:CreateAlias": "kms:CreateAlias",
      "kms:Describe*": "kms:DescribeKey",
      "kms:Enable*": "kms:EnableKeyRotation",
      "kms:List*": "kms:ListResourceTags",
      "kms:Put*": "kms:PutKeyPolicy",
      "kms:Update*": "kms:UpdateKeyDescription",
      "kms:Revoke*": "kms:RevokeGrant",
      "kms:Disable*": "kms:DisableKey",
      "kms:Get*": "kms:GetKeyRotationStatus",
      "kms:Delete*": "kms:DeleteImportedKeyMaterial",
      "kms:TagResource": "kms:TagResource",
      "kms:UntagResource": "kms:UntagResource",
      "kms:ScheduleKeyDeletion": "kms:ScheduleKeyDeletion",
      "kms:CancelKeyDeletion": "kms:CancelKeyDeletion",
      "kms:RotateKeyOnDemand": "kms:RotateKeyOnDemand",
    };
    assert.deepEqual(KEY_ADMINISTRATION_ACTIONS, Object.keys(taskOf));
    const administrator = `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/Administrator`;
    const got: Record<string, Decision | "error"> = {};
    for (const task of Object.values(taskOf)) got[task] = await decision(administrator, task);
    assert.deepEqual(got, Object.fromEntries(Object.values(taskOf).map((task) => [task, "Allowed"])));
    for (const use of [
      "kms:Decrypt",
      "kms:Encrypt",
      "kms:GenerateDataKey",
      "kms:CreateGrant",
      "kms:ReEncryptFrom",
    ]) {
      assert.equal(await decision(administrator, use, CONTEXT), "ImplicitlyDenied", use);
    }
    const stranger = `arn:aws:iam::999999999999:role/Administrator`;
    assert.equal(await decision(stranger, "kms:ScheduleKeyDeletion"), "ImplicitlyDenied");
  });
});
