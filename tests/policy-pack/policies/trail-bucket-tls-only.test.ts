import assert from "node:assert/strict";
import { checkBucketTlsOnly } from "../../../policy-pack/policies/trail-bucket-tls-only";
import { ARCHIVE_BUCKET, UNKNOWN, compliantStack, reasonOf, single, withProps, without } from "../fixtures";

function withPolicy(policy: unknown) {
  return withProps(compliantStack(), "archive-policy", { policy });
}

const ALLOW_CLOUDTRAIL = {
  Effect: "Allow",
  Principal: { Service: "cloudtrail.amazonaws.com" },
  Action: "s3:PutObject",
  Resource: `arn:aws:s3:::${ARCHIVE_BUCKET}/*`,
};

describe("trail-bucket-tls-only", () => {
  it("passes a bucket policy that denies insecure transport", () => {
    assert.equal(single(checkBucketTlsOnly(compliantStack())).status, "compliant");
  });

  it("passes the same statement given as an object, with a wildcard resource", () => {
    const stack = withPolicy({
      Statement: {
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: ["*"],
        Resource: `arn:aws:s3:::${ARCHIVE_BUCKET}*`,
        Condition: { Bool: { "aws:SecureTransport": false } },
      },
    });
    assert.equal(single(checkBucketTlsOnly(stack)).status, "compliant");
  });

  it("fails a policy without the TLS statement", () => {
    const result = single(checkBucketTlsOnly(withPolicy(JSON.stringify({ Statement: [ALLOW_CLOUDTRAIL] }))));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /no bucket policy statement that denies s3:\*/);
  });

  it("fails a TLS deny that only covers the bucket, or that other conditions narrow", () => {
    const statement = {
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: `arn:aws:s3:::${ARCHIVE_BUCKET}`,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
    assert.equal(single(checkBucketTlsOnly(withPolicy({ Statement: [statement] }))).status, "non-compliant");
    const narrowed = {
      ...statement,
      Resource: [`arn:aws:s3:::${ARCHIVE_BUCKET}`, `arn:aws:s3:::${ARCHIVE_BUCKET}/*`],
      Condition: {
        Bool: { "aws:SecureTransport": "false" },
        StringEquals: { "aws:PrincipalAccount": "999999999999" },
      },
    };
    assert.equal(single(checkBucketTlsOnly(withPolicy({ Statement: [narrowed] }))).status, "non-compliant");
  });

  it("fails a bucket without a policy, and a policy that is not JSON", () => {
    assert.match(
      reasonOf(single(checkBucketTlsOnly(without(compliantStack(), "archive-policy")))),
      /has no bucket policy/,
    );
    assert.match(reasonOf(single(checkBucketTlsOnly(withPolicy("{not json")))), /not a JSON policy document/);
  });

  it("does not apply to a stack without a trail", () => {
    assert.equal(single(checkBucketTlsOnly(without(compliantStack(), "org-trail"))).status, "not-applicable");
  });

  it("cannot judge a policy document built from unknown ARNs", () => {
    const result = single(checkBucketTlsOnly(withPolicy(UNKNOWN)));
    assert.equal(result.status, "unknown");
    assert.match(
      reasonOf(result),
      /bucket policy of bucket "org-trail-archive-111122223333" is not known during preview/,
    );
  });
});
