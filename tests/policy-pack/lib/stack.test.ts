import assert from "node:assert/strict";
import { BUCKET, KMS_KEY } from "../../../policy-pack/lib/resource-types";
import { dependenciesOf, referenceOf } from "../../../policy-pack/lib/stack";
import { UNKNOWN, compliantStack, resource, urnNamed, withDependencies } from "../fixtures";

describe("stack links", () => {
  it("dependenciesOf returns the resources of the asked types a property was computed from", () => {
    const stack = withDependencies(compliantStack(), "org-trail", {
      kmsKeyId: [urnNamed(compliantStack(), "trail-key"), urnNamed(compliantStack(), "archive")],
    });
    const trail = stack.find((r) => r.name === "org-trail");
    assert.ok(trail);
    assert.deepEqual(
      dependenciesOf(stack, trail, "kmsKeyId", KMS_KEY).map((r) => r.name),
      ["trail-key"],
    );
    assert.deepEqual(dependenciesOf(stack, trail, "s3BucketName", BUCKET), [], "no recorded dependency");
  });

  it("referenceOf tells a value, a value not known yet and an absent or empty one apart", () => {
    const bucket = (name: unknown) => resource(BUCKET[0], "b", { bucket: name });
    assert.deepEqual(referenceOf(bucket("archive"), "bucket"), { kind: "value", value: "archive" });
    assert.deepEqual(referenceOf(bucket(UNKNOWN), "bucket"), { kind: "unknown" });
    assert.deepEqual(referenceOf(bucket(""), "bucket"), { kind: "absent" });
    assert.deepEqual(referenceOf(bucket(undefined), "bucket"), { kind: "absent" });
  });
});
