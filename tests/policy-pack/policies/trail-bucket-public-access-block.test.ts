import assert from "node:assert/strict";
import { checkBucketPublicAccessBlock } from "../../../policy-pack/policies/trail-bucket-public-access-block";
import {
  UNKNOWN,
  compliantStack,
  reasonOf,
  resource,
  single,
  withProps,
  without,
  withUnknownBucketCopy,
} from "../fixtures";

const ALL_ON = {
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
};

describe("trail-bucket-public-access-block", () => {
  it("passes a bucket with all four settings on", () => {
    assert.equal(single(checkBucketPublicAccessBlock(compliantStack())).status, "compliant");
  });

  it("fails settings left off, naming them", () => {
    const stack = withProps(compliantStack(), "archive-public-access-block", {
      ignorePublicAcls: false,
      restrictPublicBuckets: undefined,
    });
    const result = single(checkBucketPublicAccessBlock(stack));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /leaves ignorePublicAcls, restrictPublicBuckets off/);
  });

  it("fails a bucket without a public access block", () => {
    const result = single(
      checkBucketPublicAccessBlock(without(compliantStack(), "archive-public-access-block")),
    );
    assert.match(reasonOf(result), /has no aws\.s3\.BucketPublicAccessBlock/);
  });

  it("accepts an account-level block of the same account instead", () => {
    const account = resource(
      "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
      "account-block",
      ALL_ON,
    );
    const stack = [...without(compliantStack(), "archive-public-access-block"), account];
    assert.equal(single(checkBucketPublicAccessBlock(stack)).status, "compliant");
    const otherAccount = [
      ...stack.filter((r) => r.name !== "account-block"),
      { ...account, provider: "urn:provider:management" },
    ];
    assert.equal(single(checkBucketPublicAccessBlock(otherAccount)).status, "non-compliant");
  });

  it("does not apply to a stack without a trail", () => {
    assert.equal(
      single(checkBucketPublicAccessBlock(without(compliantStack(), "org-trail"))).status,
      "not-applicable",
    );
  });

  it("cannot judge unknown settings", () => {
    const stack = withProps(compliantStack(), "archive-public-access-block", { blockPublicPolicy: UNKNOWN });
    const result = single(checkBucketPublicAccessBlock(stack));
    assert.equal(result.status, "unknown");
    assert.match(
      reasonOf(result),
      /^the settings of BucketPublicAccessBlock "archive-public-access-block" is not known during preview/,
    );
  });

  it("cannot judge a bucket whose only public access block names an unknown bucket", () => {
    const stack = withProps(compliantStack(), "archive-public-access-block", { bucket: UNKNOWN });
    const result = single(checkBucketPublicAccessBlock(stack));
    assert.equal(result.status, "unknown");
    assert.match(
      reasonOf(result),
      /^which bucket BucketPublicAccessBlock "archive-public-access-block" protects is not known/,
    );
  });

  // "Blocking public access to your Amazon S3 storage": S3 applies the most restrictive combination of the
  // account-level and bucket-level settings, so an account-level block counts only when all four are on.
  it("does not count an account-level block with any setting off", () => {
    const bare = without(compliantStack(), "archive-public-access-block");
    const allOff = {
      blockPublicAcls: false,
      blockPublicPolicy: false,
      ignorePublicAcls: false,
      restrictPublicBuckets: false,
    };
    for (const settings of [allOff, { ...ALL_ON, restrictPublicBuckets: false }]) {
      const stack = [
        ...bare,
        resource("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account-block", settings),
      ];
      const result = single(checkBucketPublicAccessBlock(stack));
      assert.equal(result.status, "non-compliant");
      assert.match(reasonOf(result), /has no aws\.s3\.BucketPublicAccessBlock/);
    }
  });

  it("fails a bucket block with all four settings off, naming every one", () => {
    const stack = withProps(compliantStack(), "archive-public-access-block", {
      blockPublicAcls: false,
      blockPublicPolicy: false,
      ignorePublicAcls: false,
      restrictPublicBuckets: false,
    });
    const result = single(checkBucketPublicAccessBlock(stack));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /leaves blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets off/,
    );
  });

  it("judges the bucket's own public access block while another one's bucket is not known yet", () => {
    // A settings resource whose bucket is unknown belongs to some bucket; the one linked to this bucket decides.
    const stack = withUnknownBucketCopy(compliantStack(), "archive-public-access-block");
    assert.equal(single(checkBucketPublicAccessBlock(stack)).status, "compliant");
  });
});
