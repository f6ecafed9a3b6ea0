import assert from "node:assert/strict";
import {
  trailNotificationKeyPolicy,
  trailNotificationTopicPolicy,
} from "../../../lib/policies/trail-notification-policies";
import { MANAGEMENT_ACCOUNT_ID, statement, TRAIL_ARN } from "../../support/policy-fixtures";

const TOPIC_ARN = `arn:aws:sns:eu-west-1:${MANAGEMENT_ACCOUNT_ID}:org-governance-log-deliveries`;
const args = { partition: "aws", accountId: MANAGEMENT_ACCOUNT_ID, trailArn: TRAIL_ARN };

describe("trailNotificationTopicPolicy", () => {
  const policy = trailNotificationTopicPolicy({ ...args, topicArn: TOPIC_ARN });

  it("lets CloudTrail publish to the topic for this trail only", () => {
    assert.deepEqual(statement(policy, "CloudTrailPublishesForThisTrail"), {
      Sid: "CloudTrailPublishesForThisTrail",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "sns:Publish",
      Resource: TOPIC_ARN,
      Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
    });
  });

  it("denies publishing without TLS", () => {
    const deny = statement(policy, "DenyInsecureTransport");
    assert.equal(deny.Effect, "Deny");
    assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
  });
});

describe("trailNotificationKeyPolicy", () => {
  it("lets the account administer the key and CloudTrail use it for this trail only", () => {
    const policy = trailNotificationKeyPolicy(args);
    assert.deepEqual(
      policy.Statement.map((s) => s.Sid),
      ["AccountAdministers", "CloudTrailEncryptsNotifications"],
    );
    assert.deepEqual(statement(policy, "CloudTrailEncryptsNotifications").Condition, {
      StringEquals: { "aws:SourceArn": TRAIL_ARN },
    });
  });
});
