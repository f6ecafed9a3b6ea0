import assert from "node:assert/strict";
import {
  denyInsecureTransport,
  PolicyDocument,
  PolicyStatement,
  policyDocument,
} from "../../../lib/policies/document";
import { UNPINNED_SERVICE_GRANTS } from "../../../lib/policies/trail-logs-role";
import { actionCovers, allPolicyDocuments, conditionKeys, listOf } from "../../support/policy-fixtures";

describe("policyDocument", () => {
  it("wraps statements in the current policy language version", () => {
    const deny = denyInsecureTransport("arn:aws:s3:::b");
    assert.deepEqual(policyDocument(deny), { Version: "2012-10-17", Statement: [deny] });
    assert.deepEqual(policyDocument(), { Version: "2012-10-17", Statement: [] });
  });
});

describe("denyInsecureTransport", () => {
  it("denies every S3 action on the bucket and its objects unless TLS is used", () => {
    assert.deepEqual(denyInsecureTransport("arn:aws:s3:::b"), {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
  });
});

/** Condition keys that tie a service's request to our own resource or account (confused deputy). */
const SERVICE_PINS = /^(aws:SourceArn|aws:SourceAccount|kms:EncryptionContext:.+)$/;

function principalsOf(s: PolicyStatement): { anyone: boolean; services: string[] } {
  if (s.Principal === undefined) return { anyone: false, services: [] };
  if (s.Principal === "*") return { anyone: true, services: [] };
  return { anyone: listOf(s.Principal.AWS).includes("*"), services: listOf(s.Principal.Service) };
}

/**
 * A wildcard in aws:SourceAccount, or in an aws:SourceArn anywhere but the resource part of an ARN of one
 * fixed account, lets another account's resource act through the service (confused deputy). A wildcard in
 * the resource part only, e.g. this program's alarms `...:123456789012:alarm:org-governance-*`, stays
 * within the account.
 */
function wildcardBeyondOneAccount(key: string, value: string): boolean {
  const wild = (part: string | undefined) => part === undefined || /[*?]/.test(part);
  if (!wild(value)) return false;
  if (key === "aws:SourceAccount") return true;
  const [prefix, partition, service, region, account] = value.split(":");
  return [prefix, partition, service, region].some(wild) || !/^\d{12}$/.test(account ?? "");
}

/** What is too broad in a document's Allow statements, one line per finding. */
function leastPrivilegeProblems(document: PolicyDocument): string[] {
  const problems: string[] = [];
  for (const s of document.Statement.filter((s) => s.Effect === "Allow")) {
    const { anyone, services } = principalsOf(s);
    const keys = conditionKeys(s);
    if (anyone && keys.length === 0) problems.push(`${s.Sid}: allows anyone without a condition`);
    const exempt = s.Sid in UNPINNED_SERVICE_GRANTS;
    if (services.length > 0 && !exempt && !keys.some((key) => SERVICE_PINS.test(key))) {
      problems.push(`${s.Sid}: lets ${services.join(", ")} act for anyone`);
    }
    for (const block of Object.values(s.Condition ?? {})) {
      for (const [key, value] of Object.entries(block)) {
        if (listOf(value).length === 0 || listOf(value).some((v) => v.length === 0)) {
          problems.push(`${s.Sid}: empty value for ${key}`);
        }
        if (
          /^aws:Source(Arn|Account)$/.test(key) &&
          listOf(value).some((v) => wildcardBeyondOneAccount(key, v))
        ) {
          problems.push(`${s.Sid}: wildcard in ${key}`);
        }
      }
    }
    for (const action of listOf(s.Action)) {
      if (/^([a-z0-9-]+:)?\*$/.test(action) || actionCovers(action, "iam:PassRole")) {
        problems.push(`${s.Sid}: allows ${action}`);
      }
    }
  }
  return problems;
}

describe("every policy document the program writes", () => {
  for (const [name, document] of Object.entries(allPolicyDocuments())) {
    it(`${name}: is least-privilege and survives a JSON round trip, with unique alphanumeric Sids`, () => {
      assert.deepEqual(leastPrivilegeProblems(document), []);
      assert.deepEqual(JSON.parse(JSON.stringify(document)), document);
      assert.equal(document.Version, "2012-10-17");
      const sids = document.Statement.map((s) => s.Sid);
      assert.equal(new Set(sids).size, sids.length);
      for (const sid of sids) assert.match(sid, /^[A-Za-z0-9]+$/);
    });
  }

  it("are checked by a checker that catches what it looks for", () => {
    const allow = (overrides: Partial<PolicyStatement>): PolicyStatement => ({
      Sid: "Probe",
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::b/*",
      ...overrides,
    });
    const problems = (s: PolicyStatement) => leastPrivilegeProblems(policyDocument(s));
    assert.deepEqual(problems(allow({ Principal: "*" })), ["Probe: allows anyone without a condition"]);
    assert.deepEqual(problems(allow({ Principal: { AWS: ["arn:aws:iam::1:root", "*"] } })), [
      "Probe: allows anyone without a condition",
    ]);
    assert.deepEqual(
      problems(
        allow({
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Condition: { Bool: { "aws:SecureTransport": "true" } },
        }),
      ),
      ["Probe: lets cloudtrail.amazonaws.com act for anyone"],
    );
    assert.deepEqual(
      problems(
        allow({
          Principal: { Service: "s3.amazonaws.com" },
          Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::*" } },
        }),
      ),
      ["Probe: wildcard in aws:SourceArn"],
    );
    const sourceArn = (pattern: string) =>
      problems(
        allow({
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Condition: { ArnLike: { "aws:SourceArn": pattern } },
        }),
      );
    assert.deepEqual(sourceArn("arn:aws:cloudwatch:eu-west-1:*:alarm:org-governance-*"), [
      "Probe: wildcard in aws:SourceArn",
    ]);
    assert.deepEqual(sourceArn("arn:aws:cloudwatch:*:111122223333:alarm:x"), [
      "Probe: wildcard in aws:SourceArn",
    ]);
    assert.deepEqual(sourceArn("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:org-governance-*"), []);
    assert.deepEqual(problems(allow({ Action: ["s3:*"] })), ["Probe: allows s3:*"]);
    assert.deepEqual(problems(allow({ Action: "iam:Pass*" })), ["Probe: allows iam:Pass*"]);
    assert.deepEqual(problems({ ...allow({ Principal: "*" }), Effect: "Deny" }), []);
  });
});
