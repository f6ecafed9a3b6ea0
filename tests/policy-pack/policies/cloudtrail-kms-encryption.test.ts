import assert from "node:assert/strict";
import { checkKmsEncryption } from "../../../policy-pack/policies/cloudtrail-kms-encryption";
import { UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

describe("cloudtrail-kms-encryption", () => {
  it("passes a trail with a KMS key", () => {
    assert.equal(checkKmsEncryption(compliantTrail()).status, "compliant");
  });

  it("fails a trail without a key", () => {
    const result = checkKmsEncryption(compliantTrail({ kmsKeyId: undefined }));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /^`kmsKeyId` is not set: log files are encrypted with S3-managed keys that anyone with bucket read access can use; set it to the ARN of a customer managed KMS key$/,
    );
  });

  it("fails a blank key id", () => {
    const result = checkKmsEncryption(compliantTrail({ kmsKeyId: "  " }));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /is " {2}"/);
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkKmsEncryption(otherResource()).status, "not-applicable");
  });

  it("cannot judge a key ARN that only exists after `pulumi up`", () => {
    const result = checkKmsEncryption(compliantTrail({ kmsKeyId: UNKNOWN }));
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /`kmsKeyId` is not known during preview/);
  });
});
