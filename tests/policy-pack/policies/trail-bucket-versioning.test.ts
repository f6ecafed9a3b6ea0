import assert from "node:assert/strict";
import { checkBucketVersioning } from "../../../policy-pack/policies/trail-bucket-versioning";
import { UNKNOWN, compliantStack, reasonOf, single, withProps, without } from "../fixtures";

describe("trail-bucket-versioning", () => {
  it("passes a bucket whose versioning resource enables versioning", () => {
    assert.equal(single(checkBucketVersioning(compliantStack())).status, "compliant");
  });

  it("fails suspended versioning", () => {
    const stack = withProps(compliantStack(), "archive-versioning", {
      versioningConfiguration: { status: "Suspended" },
    });
    const result = single(checkBucketVersioning(stack));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /BucketVersioning "archive-versioning" sets bucket "org-trail-archive-111122223333" to "Suspended"/,
    );
  });

  it("fails a bucket with neither versioning nor Object Lock", () => {
    const stack = withProps(without(compliantStack(), "archive-versioning"), "archive", {
      objectLockEnabled: undefined,
    });
    assert.match(reasonOf(single(checkBucketVersioning(stack))), /is not versioned/);
  });

  it("passes a bucket created with Object Lock, which S3 versions automatically", () => {
    assert.equal(
      single(checkBucketVersioning(without(compliantStack(), "archive-versioning"))).status,
      "compliant",
    );
  });

  it("links settings published under the deprecated V2 token", () => {
    const stack = compliantStack().map((r) =>
      r.name === "archive-versioning"
        ? {
            ...r,
            type: "aws:s3/bucketVersioningV2:BucketVersioningV2",
            props: { ...r.props, versioningConfiguration: { status: "Suspended" } },
          }
        : r,
    );
    assert.equal(single(checkBucketVersioning(stack)).status, "non-compliant");
  });

  it("does not apply to a stack without a trail", () => {
    assert.equal(
      single(checkBucketVersioning(without(compliantStack(), "org-trail"))).status,
      "not-applicable",
    );
  });

  it("cannot judge an unknown status or an unknown target bucket", () => {
    const status = withProps(compliantStack(), "archive-versioning", {
      versioningConfiguration: { status: UNKNOWN },
    });
    assert.equal(single(checkBucketVersioning(status)).status, "unknown");
    const target = withProps(
      withProps(compliantStack(), "archive-versioning", { bucket: UNKNOWN }),
      "archive",
      { objectLockEnabled: undefined },
    );
    assert.match(
      reasonOf(single(checkBucketVersioning(target))),
      /which bucket BucketVersioning "archive-versioning" configures/,
    );
  });
});
