import assert from "node:assert/strict";
import { trailLogsAssumeRolePolicy, trailLogsDeliveryPolicy } from "../../../lib/policies/trail-logs-role";
import {
  listOf,
  LOG_GROUP_ARN,
  MANAGEMENT_ACCOUNT_ID,
  ORGANIZATION_ID,
  TRAIL_ARN,
  trailLogsRoleArgs,
} from "../../support/policy-fixtures";

describe("trailLogsAssumeRolePolicy", () => {
  const policy = trailLogsAssumeRolePolicy(trailLogsRoleArgs);

  it("lets only CloudTrail, acting for this trail of this account, assume the role", () => {
    assert.deepEqual(policy, {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "CloudTrailAssumesForThisTrail",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: {
            StringEquals: { "aws:SourceArn": TRAIL_ARN, "aws:SourceAccount": MANAGEMENT_ACCOUNT_ID },
          },
        },
      ],
    });
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
