import assert from "node:assert/strict";
import { checkBucketTlsOnly } from "../../../policy-pack/policies/trail-bucket-tls-only";
import {
  ARCHIVE_BUCKET,
  UNKNOWN,
  compliantStack,
  previewStack,
  reasonOf,
  single,
  withProps,
  without,
  withUnknownBucketCopy,
} from "../fixtures";

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
      /has no bucket policy, so plain HTTP requests are allowed/,
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

  it("counts an empty or null policy as no policy", () => {
    const bare = without(compliantStack(), "archive-policy");
    for (const policy of ["", null]) {
      assert.match(
        reasonOf(single(checkBucketTlsOnly(withProps(bare, "archive", { policy })))),
        /has no bucket policy, so plain HTTP requests are allowed/,
        JSON.stringify(policy),
      );
    }
  });

  it("passes a known TLS Deny while another statement still waits for an ARN in preview", () => {
    const deny = {
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [`arn:aws:s3:::${ARCHIVE_BUCKET}`, `arn:aws:s3:::${ARCHIVE_BUCKET}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
    const pending = { ...ALLOW_CLOUDTRAIL, Condition: { StringEquals: { "aws:SourceArn": UNKNOWN } } };
    assert.equal(single(checkBucketTlsOnly(withPolicy({ Statement: [pending, deny] }))).status, "compliant");
    const unfinished = { ...deny, Resource: UNKNOWN };
    assert.match(
      reasonOf(single(checkBucketTlsOnly(withPolicy({ Statement: [pending, unfinished] })))),
      /^the bucket policy of bucket "org-trail-archive-111122223333" is not known during preview/,
    );
  });

  it("cannot judge while the bucket's name, or the bucket a policy governs, is unknown", () => {
    const preview = withProps(previewStack(), "org-trail", { s3BucketName: UNKNOWN });
    assert.match(
      reasonOf(single(checkBucketTlsOnly(withProps(preview, "archive", { bucket: UNKNOWN })))),
      /^the name of bucket resource "archive" is not known during preview/,
    );
    const target = withProps(compliantStack(), "archive-policy", { bucket: UNKNOWN });
    assert.match(
      reasonOf(single(checkBucketTlsOnly(target))),
      /^which bucket BucketPolicy "archive-policy" governs is not known during preview/,
    );
  });

  it("judges the bucket's own bucket policy while another one's bucket is not known yet", () => {
    // A settings resource whose bucket is unknown belongs to some bucket; the one linked to this bucket decides.
    const stack = withUnknownBucketCopy(compliantStack(), "archive-policy");
    assert.equal(single(checkBucketTlsOnly(stack)).status, "compliant");
    // A bucket holds one policy: the one linked to it fails without waiting for the other's bucket.
    const weak = withUnknownBucketCopy(
      withPolicy(JSON.stringify({ Statement: [ALLOW_CLOUDTRAIL] })),
      "archive-policy",
    );
    const result = single(checkBucketTlsOnly(weak));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /no bucket policy statement that denies s3:\*/);
  });
});
