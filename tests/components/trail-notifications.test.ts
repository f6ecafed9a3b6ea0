import assert from "node:assert/strict";
import { named, plan, policyOf, stackConfig, statement } from "../support/plan";

const TRAIL_ARN = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-governance";

describe("TrailNotifications", () => {
  it("gives the trail a delivery notification topic, encrypted with its own key", async () => {
    const result = await plan(stackConfig());
    const topic = named(result, "trail-notifications-topic");
    assert.equal(topic.inputs.name, "org-governance-log-deliveries");
    assert.equal(topic.inputs.kmsMasterKeyId, named(result, "trail-notifications-key").outputs.arn);
    assert.equal(named(result, "organization-trail-cloudtrail").inputs.snsTopicName, topic.outputs.arn);
  });

  // "Amazon SNS topic policy for CloudTrail" (CloudTrail user guide): CreateTrail checks the topic policy,
  // which should pin CloudTrail's publish to the trail with aws:SourceArn.
  it("lets CloudTrail publish for this trail only, and the trail waits for that policy", async () => {
    const result = await plan(stackConfig());
    const policy = named(result, "trail-notifications-topic-policy");
    const publish = statement(policyOf(policy), "CloudTrailPublishesForThisTrail");
    assert.deepEqual(publish.Principal, { Service: "cloudtrail.amazonaws.com" });
    assert.deepEqual(publish.Condition, { StringEquals: { "aws:SourceArn": TRAIL_ARN } });
    assert.ok(named(result, "organization-trail-cloudtrail").dependencies.includes(policy.urn));
  });

  // "Encrypting Amazon SNS topics" (SNS developer guide): a service publishing to an encrypted topic needs
  // kms:GenerateDataKey* and kms:Decrypt on the topic's customer managed key.
  it("lets CloudTrail use the topic's key for this trail only", async () => {
    const key = named(await plan(stackConfig()), "trail-notifications-key");
    assert.equal(key.inputs.enableKeyRotation, true);
    const grant = statement(policyOf(key), "CloudTrailEncryptsNotifications");
    assert.deepEqual(grant.Action, ["kms:GenerateDataKey*", "kms:Decrypt"]);
    assert.deepEqual(grant.Condition, { StringEquals: { "aws:SourceArn": TRAIL_ARN } });
  });
});
