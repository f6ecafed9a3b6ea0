import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { deployerPolicy } from "../../../lib/policies/deployer-policy";
import { namingProblems } from "../../support/iam-names";
import { AccessRequest, GeneratedDocument, PolicyJson, simulate } from "../../support/iam-simulation";
import { PROJECT_DIR } from "../../support/plan";
import { ARCHIVE_ACCOUNT_ID, MANAGEMENT_ACCOUNT_ID } from "../../support/policy-fixtures";

const ARGS = {
  partition: "aws",
  region: "eu-west-1",
  managementAccountId: MANAGEMENT_ACCOUNT_ID,
  trailName: "org-governance",
  logArchiveRoleArn: `arn:aws:iam::${ARCHIVE_ACCOUNT_ID}:role/OrganizationAccountAccessRole`,
};
const DEPLOYER = `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/Deployer`;
const DELIVERY_ROLE = `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/org-governance-cloudwatch-logs`;

describe("deployerPolicy", () => {
  const policy = deployerPolicy(ARGS);
  const documents = new Map<string, GeneratedDocument>([
    // As AWS reads it: the JSON text the docs publish.
    [
      "deployer",
      {
        id: "deployer",
        type: "docs",
        kind: "identity",
        document: JSON.parse(JSON.stringify(policy)) as PolicyJson,
      },
    ],
  ]);
  const request = (
    row: Omit<AccessRequest, "document" | "principal" | "resourceAccount"> & { resourceAccount?: string },
  ): AccessRequest => ({
    document: "deployer",
    principal: DEPLOYER,
    resourceAccount: MANAGEMENT_ACCOUNT_ID,
    ...row,
  });

  it("names only actions and condition keys of the Service Authorization Reference", async () => {
    assert.deepEqual(await namingProblems(JSON.parse(JSON.stringify(policy)) as PolicyJson), []);
  });

  // "Granting a user permissions to pass a role to an AWS service" (IAM user guide): CreateTrail with a
  // CloudWatch Logs role needs iam:PassRole on it; "Using service-linked roles for CloudTrail": an
  // organization trail needs iam:CreateServiceLinkedRole for cloudtrail.amazonaws.com.
  const rows: AccessRequest[] = [
    request({
      intent: "passes the delivery role to CloudTrail",
      action: "iam:PassRole",
      resource: DELIVERY_ROLE,
      context: { "iam:PassedToService": "cloudtrail.amazonaws.com" },
      expected: "Allowed",
    }),
    request({
      intent: "does not pass the delivery role to another service",
      action: "iam:PassRole",
      resource: DELIVERY_ROLE,
      context: { "iam:PassedToService": "ec2.amazonaws.com" },
      expected: "ImplicitlyDenied",
    }),
    request({
      intent: "passes no other role",
      action: "iam:PassRole",
      resource: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/Administrator`,
      context: { "iam:PassedToService": "cloudtrail.amazonaws.com" },
      expected: "ImplicitlyDenied",
    }),
    request({
      intent: "creates CloudTrail's service-linked role",
      action: "iam:CreateServiceLinkedRole",
      resource: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/aws-service-role/cloudtrail.amazonaws.com/AWSServiceRoleForCloudTrail`,
      context: { "iam:AWSServiceName": "cloudtrail.amazonaws.com" },
      expected: "Allowed",
    }),
    request({
      intent: "creates the trail",
      action: "cloudtrail:CreateTrail",
      resource: `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT_ACCOUNT_ID}:trail/org-governance`,
      expected: "Allowed",
    }),
    request({
      intent: "cannot stop another trail",
      action: "cloudtrail:StopLogging",
      resource: `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT_ACCOUNT_ID}:trail/aws-controltower-BaselineCloudTrail`,
      expected: "ImplicitlyDenied",
    }),
    request({
      intent: "assumes no other role of the log-archive account",
      action: "sts:AssumeRole",
      resource: `arn:aws:iam::${ARCHIVE_ACCOUNT_ID}:role/Administrator`,
      resourceAccount: ARCHIVE_ACCOUNT_ID,
      expected: "ImplicitlyDenied",
    }),
  ];
  for (const row of rows) {
    it(`${row.intent}: ${row.expected}`, async () => {
      const outcome = await simulate(row, documents);
      assert.equal(outcome.decision, row.expected, JSON.stringify(outcome.errors));
      assert.deepEqual(outcome.ignoredContextKeys, []);
    });
  }

  it("is the policy docs/first-deploy.md publishes", () => {
    const page = readFileSync(path.join(PROJECT_DIR, "docs", "first-deploy.md"), "utf8");
    const published = /```json\n([\s\S]*?)\n```/.exec(page.slice(page.indexOf("deploying principal")));
    assert.ok(published, "docs/first-deploy.md has a JSON block after 'deploying principal'");
    assert.deepEqual(JSON.parse(published[1]), policy);
  });
});
