import assert from "node:assert/strict";
import type { PlannedResource } from "../../../tools/plan/capture";
import { formatProtectedChanges, protectedChanges } from "../../../tools/plan/protected-changes";

const STACK = "urn:pulumi:prod::org-governance";

function resource(type: string, name: string, extra: Partial<PlannedResource> = {}): PlannedResource {
  return {
    urn: `${STACK}::org-governance:LogArchive$${type}::${name}`,
    custom: true,
    type,
    inputs: {},
    outputs: {},
    dependencies: [],
    protect: false,
    retainOnDelete: false,
    ...extra,
  };
}

const BUCKET = "aws:s3/bucket:Bucket";
const archive = resource(BUCKET, "log-archive-bucket", {
  protect: true,
  inputs: { bucket: "org-trail-archive-1" },
});
const lifecycle = resource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "lifecycle");

describe("protected resources a plan would replace", () => {
  it("finds none when every protected resource keeps its URN and name", () => {
    assert.deepEqual(protectedChanges([archive, lifecycle], [archive, lifecycle]), []);
  });

  it("reports a protected resource whose name changed, and the one the plan creates instead", () => {
    const renamed = resource(BUCKET, "archive", { protect: true, inputs: { bucket: "org-trail-archive-1" } });
    const changes = protectedChanges([archive, lifecycle], [renamed, lifecycle]);
    assert.deepEqual(changes, [
      {
        urn: archive.urn,
        type: BUCKET,
        reason:
          "log-archive-bucket is no longer in the plan (renamed or removed); the plan creates archive instead",
      },
    ]);
  });

  // "After you create a general purpose bucket, you can't change its name" (Amazon S3 User Guide,
  // General purpose bucket naming rules): a new bucket name is a new bucket.
  it("reports a bucket whose physical name changes under the same URN", () => {
    const moved = { ...archive, inputs: { bucket: "org-trail-archive-2" } };
    const [change] = protectedChanges([archive], [moved]);
    assert.match(change.reason, /bucket changes from org-trail-archive-1 to org-trail-archive-2/);
  });

  it("ignores unprotected resources that disappear", () => {
    assert.deepEqual(protectedChanges([archive, lifecycle], [archive]), []);
  });

  it("says so loudly, in lines of at most 120 columns", () => {
    const text = formatProtectedChanges(protectedChanges([archive], []), "previous.json");
    assert.match(text, /WARNING: this plan would REPLACE 1 PROTECTED resource\(s\) of previous\.json/);
    assert.ok(text.split("\n").every((line) => line.length <= 120));
  });
});
