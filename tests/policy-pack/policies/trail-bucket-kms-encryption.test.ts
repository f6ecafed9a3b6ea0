import assert from "node:assert/strict";
import { checkBucketKmsEncryption } from "../../../policy-pack/policies/trail-bucket-kms-encryption";
import { UNKNOWN, compliantStack, reasonOf, single, withProps, without } from "../fixtures";

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
    assert.equal(single(checkBucketKmsEncryption(encryptedWith(UNKNOWN))).status, "unknown");
  });
});
