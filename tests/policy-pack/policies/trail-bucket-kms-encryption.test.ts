import assert from "node:assert/strict";
import { BUCKET_ENCRYPTION } from "../../../policy-pack/lib/resource-types";
import { checkBucketKmsEncryption } from "../../../policy-pack/policies/trail-bucket-kms-encryption";
import {
  ARCHIVE_BUCKET,
  UNKNOWN,
  compliantStack,
  reasonOf,
  resource,
  single,
  withProps,
  without,
  withUnknownBucketCopy,
} from "../fixtures";

function encryptedWith(sseAlgorithm: unknown) {
  return withProps(compliantStack(), "archive-encryption", {
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }],
  });
}

describe("trail-bucket-kms-encryption", () => {
  it("passes SSE-KMS and DSSE-KMS", () => {
    assert.equal(single(checkBucketKmsEncryption(compliantStack())).status, "compliant");
    assert.equal(single(checkBucketKmsEncryption(encryptedWith("aws:kms:dsse"))).status, "compliant");
  });

  it("fails SSE-S3", () => {
    const result = single(checkBucketKmsEncryption(encryptedWith("AES256")));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /uses AES256; set `sseAlgorithm` to "aws:kms"/);
  });

  it("fails a bucket without default encryption", () => {
    const result = single(checkBucketKmsEncryption(without(compliantStack(), "archive-encryption")));
    assert.match(reasonOf(result), /has no default encryption, so S3 applies SSE-S3/);
  });

  it("accepts the deprecated inline encryption settings of the bucket", () => {
    const stack = withProps(without(compliantStack(), "archive-encryption"), "archive", {
      serverSideEncryptionConfiguration: {
        rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } },
      },
    });
    assert.equal(single(checkBucketKmsEncryption(stack)).status, "compliant");
  });

  it("does not apply to a stack without a trail", () => {
    assert.equal(
      single(checkBucketKmsEncryption(without(compliantStack(), "org-trail"))).status,
      "not-applicable",
    );
  });

  it("cannot judge an unknown algorithm", () => {
    assert.match(
      reasonOf(single(checkBucketKmsEncryption(encryptedWith(UNKNOWN)))),
      /^the default encryption of bucket "org-trail-archive-111122223333" is not known during preview/,
    );
  });

  // PutBucketEncryption replaces the bucket's default encryption: of two configurations for one bucket, the
  // one written last wins, so each of them must use KMS.
  it("fails when any configuration of the bucket does not use KMS, naming the weak algorithm", () => {
    const second = (sseAlgorithm: unknown) => [
      ...compliantStack(),
      resource(BUCKET_ENCRYPTION[0], "second", {
        bucket: ARCHIVE_BUCKET,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }],
      }),
    ];
    const weak = single(checkBucketKmsEncryption(second("AES256")));
    assert.equal(weak.status, "non-compliant");
    assert.match(reasonOf(weak), /bucket "org-trail-archive-111122223333" uses AES256;/);
    // A value S3 would refuse (a typo) is named as written, next to the weak one.
    const twoWeak = withProps(second("AES128"), "archive-encryption", {
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    assert.match(reasonOf(single(checkBucketKmsEncryption(twoWeak))), /uses AES256, AES128;/);
    assert.equal(single(checkBucketKmsEncryption(second("aws:kms:dsse"))).status, "compliant");
    assert.equal(single(checkBucketKmsEncryption(second(UNKNOWN))).status, "unknown");
  });

  it("fails an AES256 default even while another rule's algorithm is unknown", () => {
    const stack = withProps(compliantStack(), "archive-encryption", {
      rules: [
        { applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN } },
        { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      ],
    });
    assert.match(reasonOf(single(checkBucketKmsEncryption(stack))), /uses AES256;/);
  });

  it("fails an encryption configuration without rules", () => {
    const stack = withProps(compliantStack(), "archive-encryption", { rules: [] });
    assert.match(
      reasonOf(single(checkBucketKmsEncryption(stack))),
      /has no default encryption, so S3 applies SSE-S3/,
    );
  });

  it("cannot judge a bucket whose only encryption configuration names an unknown bucket", () => {
    const stack = withProps(compliantStack(), "archive-encryption", { bucket: UNKNOWN });
    const result = single(checkBucketKmsEncryption(stack));
    assert.equal(result.status, "unknown");
    assert.match(
      reasonOf(result),
      /^which bucket BucketServerSideEncryptionConfiguration "archive-encryption" encrypts is not known/,
    );
  });

  it("judges the bucket's own encryption configuration while another one's bucket is not known yet", () => {
    // A settings resource whose bucket is unknown belongs to some bucket; the one linked to this bucket decides.
    const stack = withUnknownBucketCopy(compliantStack(), "archive-encryption");
    assert.equal(single(checkBucketKmsEncryption(stack)).status, "compliant");
  });
});
