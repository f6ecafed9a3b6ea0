import assert from "node:assert/strict";
import type { Decision } from "../../support/iam-simulation";
import { simulateResourcePolicy } from "../../support/iam-simulation";
import {
  ALARM_ARN_PATTERN,
  ALARM_TOPIC_ARN,
  buildAlarmTopicKeyPolicy,
  buildAlarmTopicPolicy,
  MANAGEMENT_ACCOUNT_ID,
  REGION,
} from "../../support/policy-fixtures";

// Judged by a real IAM evaluator (@cloud-copilot/iam-simulate). AWS documentation: "Using Amazon SNS for
// CloudWatch alarms" and "Amazon SNS encryption at rest / Configure AWS KMS permissions" (CloudWatch needs
// kms:Decrypt and kms:GenerateDataKey* on the topic's customer managed key), "Preventing cross-service
// confused deputy" (aws:SourceArn, aws:SourceAccount).

const ALARM = `arn:aws:cloudwatch:${REGION}:${MANAGEMENT_ACCOUNT_ID}:alarm:org-governance-root-account-usage`;
const SOURCE = { "aws:SourceArn": ALARM, "aws:SourceAccount": MANAGEMENT_ACCOUNT_ID };
const TLS = { "aws:SecureTransport": "true" };
const OTHER_ACCOUNT = "999999999999";
const KEY_ARN = `arn:aws:kms:${REGION}:${MANAGEMENT_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

interface Row {
  intent: string;
  principal?: string;
  action: string;
  context: Record<string, string>;
  expected: Decision;
}

async function decisions(document: ReturnType<typeof buildAlarmTopicPolicy>, resource: string, rows: Row[]) {
  const failures: string[] = [];
  for (const row of rows) {
    const outcome = await simulateResourcePolicy(document, {
      intent: row.intent,
      principal: row.principal ?? "cloudwatch.amazonaws.com",
      action: row.action,
      resource,
      resourceAccount: MANAGEMENT_ACCOUNT_ID,
      context: row.context,
      expected: row.expected,
    });
    if (outcome.decision !== row.expected) {
      failures.push(`${row.intent}: expected ${row.expected}, got ${outcome.decision}`);
    } else if (outcome.ignoredContextKeys.length > 0) {
      failures.push(`${row.intent}: context keys ignored: ${outcome.ignoredContextKeys.join(", ")}`);
    }
  }
  return failures;
}

describe("alarmTopicPolicy", () => {
  it("lets only this program's alarms of this account publish, and only over TLS", async () => {
    const rows: Row[] = [
      {
        intent: "this program's alarm publishes",
        action: "sns:Publish",
        context: { ...SOURCE, ...TLS },
        expected: "Allowed",
      },
      {
        intent: "another alarm of the account cannot publish",
        action: "sns:Publish",
        context: { ...SOURCE, "aws:SourceArn": ALARM.replace("org-governance-", "someone-"), ...TLS },
        expected: "ImplicitlyDenied",
      },
      {
        intent: "an alarm of another account cannot publish",
        action: "sns:Publish",
        context: {
          "aws:SourceArn": ALARM.replace(MANAGEMENT_ACCOUNT_ID, OTHER_ACCOUNT),
          "aws:SourceAccount": OTHER_ACCOUNT,
          ...TLS,
        },
        expected: "ImplicitlyDenied",
      },
      {
        intent: "a request attributed to another account cannot publish, whatever alarm ARN it names",
        action: "sns:Publish",
        context: { ...SOURCE, "aws:SourceAccount": OTHER_ACCOUNT, ...TLS },
        expected: "ImplicitlyDenied",
      },
      {
        intent: "EventBridge, with the alarm's source, cannot publish",
        principal: "events.amazonaws.com",
        action: "sns:Publish",
        context: { ...SOURCE, ...TLS },
        expected: "ImplicitlyDenied",
      },
      {
        intent: "CloudWatch may publish but not subscribe",
        action: "sns:Subscribe",
        context: { ...SOURCE, ...TLS },
        expected: "ImplicitlyDenied",
      },
      {
        intent: "plain HTTP is denied, even to this program's alarms",
        action: "sns:Publish",
        context: { ...SOURCE, "aws:SecureTransport": "false" },
        expected: "ExplicitlyDenied",
      },
    ];
    assert.deepEqual(await decisions(buildAlarmTopicPolicy(), ALARM_TOPIC_ARN, rows), []);
  });

  it("pins the alarms by ARN pattern and account, never by a wildcard account", () => {
    const allow = buildAlarmTopicPolicy().Statement[0];
    assert.deepEqual(allow.Condition, {
      ArnLike: { "aws:SourceArn": ALARM_ARN_PATTERN },
      StringEquals: { "aws:SourceAccount": MANAGEMENT_ACCOUNT_ID },
    });
  });
});

describe("alarmTopicKeyPolicy", () => {
  it("lets this program's alarms encrypt and decrypt for the topic, and nobody else use the key", async () => {
    const rows: Row[] = [
      {
        intent: "alarms generate data keys",
        action: "kms:GenerateDataKey",
        context: SOURCE,
        expected: "Allowed",
      },
      {
        intent: "alarms generate data keys without plaintext",
        action: "kms:GenerateDataKeyWithoutPlaintext",
        context: SOURCE,
        expected: "Allowed",
      },
      { intent: "alarms decrypt", action: "kms:Decrypt", context: SOURCE, expected: "Allowed" },
      {
        intent: "alarms cannot re-key the key",
        action: "kms:PutKeyPolicy",
        context: SOURCE,
        expected: "ImplicitlyDenied",
      },
      {
        intent: "another alarm of the account cannot use the key",
        action: "kms:GenerateDataKey",
        context: { ...SOURCE, "aws:SourceArn": ALARM.replace("org-governance-", "someone-") },
        expected: "ImplicitlyDenied",
      },
      {
        intent: "another account's alarms cannot use the key",
        action: "kms:Decrypt",
        context: {
          "aws:SourceArn": ALARM.replace(MANAGEMENT_ACCOUNT_ID, OTHER_ACCOUNT),
          "aws:SourceAccount": OTHER_ACCOUNT,
        },
        expected: "ImplicitlyDenied",
      },
      {
        intent: "a request attributed to another account cannot use the key, whatever alarm ARN it names",
        action: "kms:GenerateDataKey",
        context: { ...SOURCE, "aws:SourceAccount": OTHER_ACCOUNT },
        expected: "ImplicitlyDenied",
      },
      {
        intent: "another service cannot use the key",
        principal: "sns.amazonaws.com",
        action: "kms:Decrypt",
        context: SOURCE,
        expected: "ImplicitlyDenied",
      },
    ];
    assert.deepEqual(await decisions(buildAlarmTopicKeyPolicy(), KEY_ARN, rows), []);
  });
});
