import assert from "node:assert/strict";
import { named, plan, stackConfig } from "../support/plan";

const TRAIL = "organization-trail-cloudtrail";
type Selector = {
  name: string;
  fieldSelectors: { field: string; equals?: string[]; notStartsWiths?: string[] }[];
};

describe("OrganizationTrail", () => {
  it("is an organization trail of all regions with global events, validation, KMS and logging on", async () => {
    const result = await plan(stackConfig());
    const trail = named(result, TRAIL).inputs;
    assert.equal(trail.name, "org-governance");
    assert.equal(trail.isOrganizationTrail, true);
    assert.equal(trail.isMultiRegionTrail, true);
    assert.equal(trail.includeGlobalServiceEvents, true);
    assert.equal(trail.enableLogFileValidation, true);
    assert.equal(trail.enableLogging, true);
    assert.equal(trail.kmsKeyId, named(result, "log-archive-key").outputs.arn);
    assert.equal(trail.s3BucketName, "org-trail-archive-222233334444-eu-west-1");
  });

  it("is created in the management account and home region", async () => {
    const result = await plan(stackConfig({}, "ap-southeast-2"));
    const trail = named(result, TRAIL);
    assert.ok(trail.provider?.startsWith(named(result, "management-account").urn));
    assert.equal(trail.outputs.arn, "arn:aws:cloudtrail:ap-southeast-2:111122223333:trail/org-governance");
  });

  it("delivers to the encrypted log group through the delivery role", async () => {
    const result = await plan(stackConfig());
    const trail = named(result, TRAIL).inputs;
    assert.equal(trail.cloudWatchLogsGroupArn, `${named(result, "trail-logs-log-group").outputs.arn}:*`);
    assert.equal(trail.cloudWatchLogsRoleArn, named(result, "trail-logs-role").outputs.arn);
  });

  it("captures management events read and write, with no excluded sources", async () => {
    const selectors = named(await plan(stackConfig()), TRAIL).inputs.advancedEventSelectors as Selector[];
    const management = selectors.filter((s) =>
      s.fieldSelectors.some((f) => f.equals?.includes("Management")),
    );
    assert.equal(management.length, 1);
    assert.deepEqual(management[0].fieldSelectors, [{ field: "eventCategory", equals: ["Management"] }]);
  });

  it("logs S3 write data events by default, never for its own buckets", async () => {
    const selectors = named(await plan(stackConfig()), TRAIL).inputs.advancedEventSelectors as Selector[];
    const s3 = selectors.find((s) => s.fieldSelectors.some((f) => f.equals?.includes("AWS::S3::Object")));
    assert.ok(s3);
    assert.deepEqual(
      s3.fieldSelectors.find((f) => f.field === "readOnly"),
      { field: "readOnly", equals: ["false"] },
    );
    assert.deepEqual(s3.fieldSelectors.find((f) => f.field === "resources.ARN")?.notStartsWiths, [
      "arn:aws:s3:::org-trail-archive-222233334444-eu-west-1/",
      "arn:aws:s3:::org-trail-access-logs-222233334444-eu-west-1/",
    ]);
  });

  it("follows the data-event and insight settings", async () => {
    const result = await plan(
      stackConfig({
        trail: {
          dataEvents: { s3: "none", lambda: true, dynamodb: true },
          insights: ["ApiErrorRateInsight"],
        },
      }),
    );
    const trail = named(result, TRAIL).inputs;
    const types = (trail.advancedEventSelectors as Selector[]).flatMap((s) =>
      s.fieldSelectors.filter((f) => f.field === "resources.type").flatMap((f) => f.equals ?? []),
    );
    assert.deepEqual(types, ["AWS::Lambda::Function", "AWS::DynamoDB::Table"]);
    assert.deepEqual(trail.insightSelectors, [{ insightType: "ApiErrorRateInsight" }]);
  });

  // "Amazon S3 bucket policy for CloudTrail", "Configure AWS KMS key policies for CloudTrail" and "Role
  // policy document for CloudTrail to use CloudWatch Logs for monitoring" (CloudTrail user guide): CreateTrail
  // validates the bucket policy, the key policy, the log group and the delivery role. Object Lock,
  // encryption, versioning and the public-access block must be in force before the first log file lands.
  it("waits for everything CloudTrail validates at creation and every bucket setting its first delivery needs", async () => {
    const result = await plan(stackConfig());
    const dependencies = named(result, TRAIL).dependencies;
    for (const name of [
      "trail-logs-log-group",
      "log-archive-bucket-encryption",
      "log-archive-bucket-object-lock",
      "log-archive-bucket-versioning",
      "log-archive-bucket-public-access",
      "log-archive-bucket-policy",
      "log-archive-key",
      "trail-logs-key",
      "trail-logs-role",
      "trail-logs-role-policy",
    ]) {
      assert.ok(dependencies.includes(named(result, name).urn), `trail depends on ${name}`);
    }
  });

  it("takes the bucket name from the bucket policy and the log group ARN from the log group, not from names", async () => {
    const result = await plan(stackConfig());
    const trail = named(result, TRAIL);
    const policy = named(result, "log-archive-bucket-policy");
    const group = named(result, "trail-logs-log-group");
    assert.equal(trail.inputs.s3BucketName, policy.outputs.bucket);
    assert.equal(trail.inputs.cloudWatchLogsGroupArn, `${group.outputs.arn}:*`);
  });

  it("keeps its URN and name when optional settings change, so no setting replaces it", async () => {
    const base = named(await plan(stackConfig()), TRAIL);
    const changed = named(
      await plan(
        stackConfig({
          trail: { dataEvents: { s3: "All", lambda: true }, insights: ["ApiCallRateInsight"] },
          logArchive: { account: "Log Archive", protect: false, objectLock: { days: 730 } },
        }),
      ),
      TRAIL,
    );
    assert.equal(changed.urn, base.urn);
    assert.equal(changed.inputs.name, base.inputs.name);
    assert.equal(changed.inputs.s3BucketName, base.inputs.s3BucketName);
  });
});
