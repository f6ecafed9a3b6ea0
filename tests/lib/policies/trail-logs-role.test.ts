import assert from "node:assert/strict";
import {
  DELIVERY_ROLE_TRUST_SID,
  trailLogsAssumeRolePolicy,
  trailLogsDeliveryPolicy,
  UNPINNED_SERVICE_GRANTS,
} from "../../../lib/policies/trail-logs-role";
import {
  listOf,
  LOG_GROUP_ARN,
  MANAGEMENT_ACCOUNT_ID,
  ORGANIZATION_ID,
  trailLogsRoleArgs,
} from "../../support/policy-fixtures";

describe("trailLogsAssumeRolePolicy", () => {
  const policy = trailLogsAssumeRolePolicy();

  // "Role policy document for CloudTrail to use CloudWatch Logs for monitoring" (CloudTrail user guide):
  // confused-deputy prevention does not apply to this role and its trust policy does not support
  // aws:SourceArn/aws:SourceAccount; a pinned trust policy fails CreateTrail with
  // InvalidCloudWatchLogsRoleArnException.
  it("lets CloudTrail assume the role with no aws:SourceArn/aws:SourceAccount condition, as the CloudTrail page requires", () => {
    assert.deepEqual(policy, {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: DELIVERY_ROLE_TRUST_SID,
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "sts:AssumeRole",
        },
      ],
    });
  });

  it("is the one documented exemption from the pinning rule, with the page that says why", () => {
    assert.deepEqual(Object.keys(UNPINNED_SERVICE_GRANTS), [DELIVERY_ROLE_TRUST_SID]);
    assert.match(
      UNPINNED_SERVICE_GRANTS[DELIVERY_ROLE_TRUST_SID],
      /Role policy document for CloudTrail to use CloudWatch Logs for monitoring/,
    );
  });

  it("has no Resource key, which IAM rejects in a trust policy", () => {
    for (const s of policy.Statement) assert.equal("Resource" in s, false);
  });
});

describe("trailLogsDeliveryPolicy", () => {
  const policy = trailLogsDeliveryPolicy(trailLogsRoleArgs);

  it("allows only creating streams and putting events", () => {
    assert.equal(policy.Statement.length, 1);
    const [delivery] = policy.Statement;
    assert.equal(delivery.Effect, "Allow");
    assert.equal(delivery.Principal, undefined);
    assert.deepEqual(listOf(delivery.Action).sort(), ["logs:CreateLogStream", "logs:PutLogEvents"]);
  });

  it("on the trail's streams of its one log group: the management account's and the members'", () => {
    assert.deepEqual(listOf(policy.Statement[0].Resource), [
      `${LOG_GROUP_ARN}:log-stream:${MANAGEMENT_ACCOUNT_ID}_CloudTrail_eu-west-1*`,
      `${LOG_GROUP_ARN}:log-stream:${ORGANIZATION_ID}_*`,
    ]);
  });
});
