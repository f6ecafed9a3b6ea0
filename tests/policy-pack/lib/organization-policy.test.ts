import assert from "node:assert/strict";
import {
  type Statement,
  actionCovers,
  deniesAction,
  exemptedPrincipals,
  isAttached,
  listOf,
  organizationPolicies,
  statementsOf,
} from "../../../policy-pack/lib/organization-policy";
import { ORGANIZATION_POLICY, ORGANIZATION_POLICY_ATTACHMENT } from "../../../policy-pack/lib/resource-types";
import type { StackResource } from "../../../policy-pack/lib/stack";
import { resource } from "../fixtures";

const DEPLOYER = "arn:aws:iam::222233334444:role/Deployer";
const POLICY_ID = "p-examplepolicyid111";
const POLICY_ARN = `arn:aws:organizations::111122223333:policy/o-exampleorgid/service_control_policy/${POLICY_ID}`;

function policy(name: string, props: Record<string, unknown>): StackResource {
  return resource(ORGANIZATION_POLICY[0], name, props);
}

function attachment(props: Record<string, unknown>, dependsOn: readonly string[] = []): StackResource {
  const dependencies: Record<string, readonly string[]> = dependsOn.length > 0 ? { policyId: dependsOn } : {};
  return resource(
    ORGANIZATION_POLICY_ATTACHMENT[0],
    "attachment",
    { targetId: "r-7xk2", ...props },
    dependencies,
  );
}

function denyExempting(condition: unknown): Statement {
  return { Effect: "Deny", Action: "cloudtrail:StopLogging", Condition: condition };
}

describe("organization policy documents", () => {
  describe("statementsOf", () => {
    it("reads a document's statements, whether one object or a list", () => {
      const deny = { Effect: "Deny", Action: "s3:DeleteBucket" };
      assert.deepEqual(statementsOf(JSON.stringify({ Statement: deny })), [deny]);
      assert.deepEqual(statementsOf(JSON.stringify({ Statement: [deny, deny] })), [deny, deny]);
      assert.deepEqual(statementsOf(JSON.stringify({ Version: "2012-10-17" })), []);
    });

    it("refuses content that is no JSON policy document (not JSON, JSON null, a bare value)", () => {
      for (const content of ["{not json", "null", "42", '"text"', undefined]) {
        assert.equal(statementsOf(content), undefined, String(content));
      }
    });

    it("drops statements that are not objects, so rules never read fields of null or text", () => {
      const deny = { Effect: "Deny", Action: "*" };
      assert.deepEqual(statementsOf(JSON.stringify({ Statement: [null, "Deny", 7, deny] })), [deny]);
    });
  });

  it("listOf reads IAM's one-or-many fields, an absent field being none", () => {
    assert.deepEqual(listOf(undefined), []);
    assert.deepEqual(listOf(null), []);
    assert.deepEqual(listOf("s3:*"), ["s3:*"]);
    assert.deepEqual(listOf(["s3:*", "kms:*"]), ["s3:*", "kms:*"]);
  });

  // "IAM JSON policy elements: Action": `*` matches any run of characters, case-insensitively.
  describe("actionCovers", () => {
    it("matches wildcards as IAM does, ignoring case", () => {
      assert.equal(actionCovers("cloudtrail:Stop*", "cloudtrail:StopLogging"), true);
      assert.equal(actionCovers("*", "s3:DeleteBucket"), true);
      assert.equal(actionCovers("S3:deletebucket", "s3:DeleteBucket"), true);
      assert.equal(actionCovers("s3:Delete*", "s3:PutBucketPolicy"), false);
      assert.equal(
        actionCovers("s3:DeleteBucket", "s3:DeleteBucketPolicy"),
        false,
        "no implicit prefix match",
      );
    });

    it("takes every other character literally", () => {
      assert.equal(actionCovers("s3:DeleteBucket.", "s3:DeleteBucket"), false);
      assert.equal(actionCovers("s3:Delete.ucket", "s3:DeleteBucket"), false);
    });
  });

  it("deniesAction counts Deny statements only: an Allow of the action protects nothing", () => {
    assert.equal(deniesAction([{ Effect: "Deny", Action: ["s3:*"] }], "s3:DeleteBucket"), true);
    assert.equal(deniesAction([{ Effect: "Allow", Action: ["s3:*"] }], "s3:DeleteBucket"), false);
    assert.equal(deniesAction([{ Effect: "Deny", Action: "kms:*" }], "s3:DeleteBucket"), false);
  });

  // "IAM JSON policy elements: Condition operators" and "Single-valued vs. multivalued context keys".
  describe("exemptedPrincipals", () => {
    it("reads the aws:PrincipalArn values of every negated string or ARN operator, key in any case", () => {
      for (const operator of [
        "ArnNotLike",
        "ArnNotEquals",
        "StringNotLike",
        "StringNotEquals",
        "StringNotEqualsIgnoreCase",
        "ArnNotLikeIfExists",
        "StringNotLikeIfExists",
        "ForAnyValue:StringNotLike",
        "ForAllValues:ArnNotLike",
      ]) {
        const statement = denyExempting({ [operator]: { "aws:PrincipalARN": [DEPLOYER, "*"] } });
        assert.deepEqual(exemptedPrincipals(statement), [DEPLOYER, "*"], operator);
      }
    });

    it("reads the operator name whole, so a name IAM does not define exempts no one", () => {
      for (const operator of ["NotArnNotLike", "ArnNotLikeAtAll"]) {
        assert.deepEqual(
          exemptedPrincipals(denyExempting({ [operator]: { "aws:PrincipalArn": "*" } })),
          [],
          operator,
        );
      }
    });

    it("ignores positive operators, which narrow the Deny instead of exempting from it", () => {
      assert.deepEqual(exemptedPrincipals(denyExempting({ ArnLike: { "aws:PrincipalArn": "*" } })), []);
      assert.deepEqual(exemptedPrincipals(denyExempting({ StringEquals: { "aws:PrincipalArn": "*" } })), []);
    });

    it("ignores other condition keys and values that are not text", () => {
      const condition = { ArnNotLike: { "aws:SourceArn": "*", "aws:PrincipalArn": [DEPLOYER, 7, null] } };
      assert.deepEqual(exemptedPrincipals(denyExempting(condition)), [DEPLOYER]);
    });

    it("exempts no one from an Allow, or from a Deny without a usable Condition", () => {
      const allow = { ...denyExempting({ ArnNotLike: { "aws:PrincipalArn": "*" } }), Effect: "Allow" };
      assert.deepEqual(exemptedPrincipals(allow), []);
      for (const condition of [undefined, null, "ArnNotLike", { ArnNotLike: null }, { ArnNotLike: "*" }]) {
        assert.deepEqual(exemptedPrincipals(denyExempting(condition)), [], JSON.stringify(condition));
      }
    });
  });

  describe("isAttached", () => {
    it("links an attachment to its policy by id, by the id ending the policy's ARN, or by dependency", () => {
      const byId = policy("scp", { id: POLICY_ID });
      assert.equal(isAttached([byId, attachment({ policyId: POLICY_ID })], byId), true);
      const byArn = policy("scp", { arn: POLICY_ARN });
      assert.equal(isAttached([byArn, attachment({ policyId: POLICY_ID })], byArn), true);
      const inPreview = policy("scp", {});
      assert.equal(isAttached([inPreview, attachment({}, [inPreview.urn])], inPreview), true);
    });

    it("does not take an attachment of another policy for this one's", () => {
      const scp = policy("scp", { arn: POLICY_ARN });
      const other = policy("other", { id: "p-otherpolicy2222" });
      const stack = [scp, other, attachment({ policyId: "p-otherpolicy2222" }, [other.urn])];
      assert.equal(isAttached(stack, scp), false);
    });

    it("does not link a policy with no known id to an attachment with none", () => {
      const scp = policy("scp", {});
      assert.equal(isAttached([scp, attachment({})], scp), false);
    });
  });

  it("organizationPolicies keeps the policies of the asked type", () => {
    const scp = policy("scp", { type: "SERVICE_CONTROL_POLICY" });
    const tags = policy("tags", { type: "TAG_POLICY" });
    assert.deepEqual(organizationPolicies([scp, tags, attachment({})], "SERVICE_CONTROL_POLICY"), [scp]);
  });
});
