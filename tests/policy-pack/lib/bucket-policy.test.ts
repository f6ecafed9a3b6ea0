import assert from "node:assert/strict";
import { judgeTransportPolicy } from "../../../policy-pack/lib/bucket-policy";

const BUCKET = "org-trail-archive";

function deny(overrides: Record<string, unknown> = {}) {
  return {
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
    ...overrides,
  };
}

function judge(...statements: unknown[]) {
  return judgeTransportPolicy(JSON.stringify({ Version: "2012-10-17", Statement: statements }), BUCKET);
}

describe("judgeTransportPolicy", () => {
  it("accepts the Security Hub statement and its equivalent spellings", () => {
    assert.equal(judge(deny()), "denies-insecure-transport");
    assert.equal(judge(deny({ Principal: { AWS: ["*"] }, Action: ["S3:*"] })), "denies-insecure-transport");
    assert.equal(
      judge(deny({ Condition: { BoolIfExists: { "AWS:SecureTransport": ["false"] } } })),
      "denies-insecure-transport",
    );
    assert.equal(judge(deny({ Resource: "*" })), "denies-insecure-transport");
    assert.equal(judge(deny({ Resource: `arn:aws-us-gov:s3:::${BUCKET}*` })), "denies-insecure-transport");
  });

  it("rejects statements that allow, narrow or miss part of the bucket", () => {
    assert.equal(judge(deny({ Effect: "Allow" })), "allows-insecure-transport");
    assert.equal(
      judge(deny({ Principal: { Service: "cloudtrail.amazonaws.com" } })),
      "allows-insecure-transport",
    );
    assert.equal(judge(deny({ Action: "s3:GetObject" })), "allows-insecure-transport");
    assert.equal(
      judge(deny({ Condition: { Bool: { "aws:SecureTransport": "true" } } })),
      "allows-insecure-transport",
    );
    assert.equal(judge(deny({ Resource: `arn:aws:s3:::${BUCKET}/AWSLogs/*` })), "allows-insecure-transport");
    assert.equal(judge(deny({ Resource: `arn:aws:s3:::${BUCKET}-other/*` })), "allows-insecure-transport");
    assert.equal(
      judge(deny({ NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } })),
      "allows-insecure-transport",
    );
  });

  it("treats text that is not a policy document as invalid", () => {
    assert.equal(judgeTransportPolicy("not json", BUCKET), "invalid");
    assert.equal(judgeTransportPolicy("42", BUCKET), "invalid");
  });

  // "Amazon S3 bucket policy examples" (Managing access based on HTTP or HTTPS requests): only the global
  // condition key aws:SecureTransport tells a plain HTTP request apart.
  it("rejects a Deny on another Bool key, or on aws:SecureTransport with other keys or operators", () => {
    assert.equal(
      judge(deny({ Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } })),
      "allows-insecure-transport",
    );
    assert.equal(
      judge(deny({ Condition: { Bool: { "aws:SecureTransport": "false", "aws:ViaAWSService": "false" } } })),
      "allows-insecure-transport",
    );
    assert.equal(
      judge(
        deny({
          Condition: {
            Bool: { "aws:SecureTransport": "false" },
            StringEquals: { "aws:PrincipalAccount": "111122223333" },
          },
        }),
      ),
      "allows-insecure-transport",
    );
    assert.equal(
      judge(deny({ Condition: { StringEquals: { "aws:SecureTransport": "false" } } })),
      "allows-insecure-transport",
    );
    assert.equal(
      judge(deny({ Condition: { Bool: { "aws:SecureTransport": [] } } })),
      "allows-insecure-transport",
    );
    assert.equal(
      judge(deny({ Condition: { Bool: { "aws:SecureTransport": ["false", "true"] } } })),
      "allows-insecure-transport",
    );
    assert.equal(judge(deny({ Condition: undefined })), "allows-insecure-transport");
    assert.equal(judge(deny({ Condition: { Bool: null } })), "allows-insecure-transport");
  });

  it("rejects a Resource that covers only some objects, or the objects without the bucket", () => {
    for (const partial of [
      `arn:aws:s3:::${BUCKET}/a*`,
      `arn:aws:s3:::${BUCKET}/?`,
      `arn:aws:s3:::${BUCKET}/zz/*`,
      `arn:aws:s3:::${BUCKET}/*.json.gz`,
    ]) {
      assert.equal(
        judge(deny({ Resource: [`arn:aws:s3:::${BUCKET}`, partial] })),
        "allows-insecure-transport",
        partial,
      );
    }
    assert.equal(judge(deny({ Resource: `arn:aws:s3:::${BUCKET}/*` })), "allows-insecure-transport");
    assert.equal(judge(deny({ Resource: `arn:aws:s3:::${BUCKET}` })), "allows-insecure-transport");
    assert.equal(judge(deny({ Resource: [42, `arn:aws:s3:::${BUCKET}`] })), "allows-insecure-transport");
  });

  it("rejects NotAction and NotResource statements, and finds the TLS Deny among other statements", () => {
    assert.equal(judge(deny({ NotAction: "s3:GetObject" })), "allows-insecure-transport");
    assert.equal(
      judge(deny({ NotResource: `arn:aws:s3:::${BUCKET}/public/*` })),
      "allows-insecure-transport",
    );
    assert.equal(
      judge(deny({ Principal: { AWS: "arn:aws:iam::111122223333:root" } })),
      "allows-insecure-transport",
    );
    assert.equal(judge(deny({ Principal: null })), "allows-insecure-transport");
    assert.equal(judge(deny({ Action: ["s3:GetObject", 7] })), "allows-insecure-transport");
    assert.equal(judge(deny({ Action: "*" })), "denies-insecure-transport");
    assert.equal(judge(null, "text", deny({ Effect: "Allow" }), deny()), "denies-insecure-transport");
    assert.equal(
      judgeTransportPolicy({ Version: "2012-10-17", Statement: deny() }, BUCKET),
      "denies-insecure-transport",
    );
    assert.equal(judgeTransportPolicy({ Version: "2012-10-17" }, BUCKET), "allows-insecure-transport");
    assert.equal(judgeTransportPolicy(null, BUCKET), "invalid");
  });

  // JSON allows null anywhere; a document with a null Statement, statement, Principal or Condition is judged
  // (it denies nothing), never thrown on, so one odd document cannot abort the whole pack.
  it("judges documents with null parts as denying nothing instead of throwing", () => {
    assert.equal(judgeTransportPolicy({ Statement: null }, BUCKET), "allows-insecure-transport");
    assert.equal(judge(null), "allows-insecure-transport");
    assert.equal(judge("Deny"), "allows-insecure-transport");
    assert.equal(judge(deny({ Principal: null })), "allows-insecure-transport");
    assert.equal(judge(deny({ Condition: null })), "allows-insecure-transport");
    assert.equal(judge(deny({ Condition: { Bool: null } })), "allows-insecure-transport");
  });

  it("accepts s3:* anywhere in an Action list", () => {
    assert.equal(judge(deny({ Action: ["s3:GetObject", "s3:*"] })), "denies-insecure-transport");
  });
});
