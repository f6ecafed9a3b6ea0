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
    assert.match(
      reasonOf(single(checkBucketVersioning(status))),
      /^the versioning status of bucket "org-trail-archive-111122223333" is not known during preview/,
    );
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

  it("fails a versioning resource without a status, saying so", () => {
    const stack = withProps(compliantStack(), "archive-versioning", { versioningConfiguration: {} });
    assert.match(
      reasonOf(single(checkBucketVersioning(stack))),
      /to "no status"; set `versioningConfiguration.status`/,
    );
  });

  it("passes an enabled versioning resource on a bucket without Object Lock", () => {
    const stack = withProps(compliantStack(), "archive", { objectLockEnabled: undefined });
    assert.equal(single(checkBucketVersioning(stack)).status, "compliant");
  });

  it("accepts the deprecated inline versioning block of the bucket", () => {
    const inline = (versioning: unknown) =>
      withProps(without(compliantStack(), "archive-versioning"), "archive", {
        objectLockEnabled: undefined,
        versioning,
      });
    assert.equal(single(checkBucketVersioning(inline({ enabled: true }))).status, "compliant");
    assert.equal(single(checkBucketVersioning(inline({ enabled: false }))).status, "non-compliant");
  });

  it("cannot judge inline versioning or the Object Lock flag while either is unknown", () => {
    const bare = without(compliantStack(), "archive-versioning");
    for (const props of [
      { objectLockEnabled: UNKNOWN },
      { objectLockEnabled: undefined, versioning: { enabled: UNKNOWN } },
    ]) {
      const result = single(checkBucketVersioning(withProps(bare, "archive", props)));
      assert.equal(result.status, "unknown", JSON.stringify(props));
      assert.match(
        reasonOf(result),
        /^the versioning of bucket "org-trail-archive-111122223333" is not known/,
      );
    }
  });
});
