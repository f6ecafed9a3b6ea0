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
});
