import assert from "node:assert/strict";
import { settingsOf } from "../../../policy-pack/lib/links";
import { BUCKET, BUCKET_VERSIONING } from "../../../policy-pack/lib/resource-types";
import type { StackResource } from "../../../policy-pack/lib/stack";
import { ARCHIVE_BUCKET, UNKNOWN, resource } from "../fixtures";

// Which settings resources (versioning, policy, ...) apply to a bucket. In @pulumi/aws v7 each S3 setting
// is a resource of its own that names its bucket by `bucket`; in preview that name may still be unknown,
// and then only the engine's property dependencies tell which bucket it came from. A setting taken for
// the wrong bucket lets a rule pass a bucket on the strength of another bucket's versioning.

const ARCHIVE = resource(BUCKET[0], "archive", { bucket: ARCHIVE_BUCKET });
const OTHER = resource(BUCKET[0], "other", { bucket: `${ARCHIVE_BUCKET}-other` });

function versioning(
  name: string,
  bucket: unknown,
  dependsOn: readonly string[] | undefined = undefined,
): StackResource {
  return resource(
    BUCKET_VERSIONING[0],
    name,
    { bucket, versioningConfiguration: { status: "Enabled" } },
    dependsOn === undefined ? {} : { bucket: dependsOn },
  );
}

function names(resources: readonly StackResource[]): string[] {
  return resources.map((r) => r.name);
}

describe("settingsOf: the settings resources that apply to a bucket", () => {
  it("links a setting naming the bucket, or computed from it even under a stale or unknown name", () => {
    const stack = [
      ARCHIVE,
      OTHER,
      versioning("by-name", ARCHIVE_BUCKET),
      versioning("by-reference", UNKNOWN, [ARCHIVE.urn]),
      versioning("stale-name-but-reference", "renamed", [ARCHIVE.urn]),
      versioning("other-by-name", OTHER.props.bucket),
    ];
    const { linked, undetermined } = settingsOf(stack, ARCHIVE, BUCKET_VERSIONING);
    assert.deepEqual(names(linked), ["by-name", "by-reference", "stale-name-but-reference"]);
    assert.deepEqual(names(undetermined), []);
  });

  it("holds a setting whose bucket is not known yet as undetermined, unless it comes from another bucket", () => {
    const stack = [
      ARCHIVE,
      OTHER,
      versioning("pending", UNKNOWN),
      versioning("pending-from-other", UNKNOWN, [OTHER.urn]),
    ];
    const { linked, undetermined } = settingsOf(stack, ARCHIVE, BUCKET_VERSIONING);
    assert.deepEqual([names(linked), names(undetermined)], [[], ["pending"]]);
  });

  it("holds every named setting as undetermined while the bucket's own name is not known", () => {
    for (const bucketName of [UNKNOWN, undefined]) {
      const unnamed = resource(BUCKET[0], "unnamed", { bucket: bucketName });
      const { linked, undetermined } = settingsOf(
        [unnamed, versioning("named", ARCHIVE_BUCKET)],
        unnamed,
        BUCKET_VERSIONING,
      );
      assert.deepEqual([names(linked), names(undetermined)], [[], ["named"]], String(bucketName));
    }
  });

  it("ignores a setting that names no bucket at all", () => {
    for (const bucket of [undefined, ""]) {
      const { linked, undetermined } = settingsOf(
        [ARCHIVE, versioning("no-bucket", bucket)],
        ARCHIVE,
        BUCKET_VERSIONING,
      );
      assert.deepEqual([names(linked), names(undetermined)], [[], []], JSON.stringify(bucket));
    }
  });
});
