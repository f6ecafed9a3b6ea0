import assert from "node:assert/strict";
import { compliant } from "../../../policy-pack/lib/result";
import { type BucketContext, checkTrailBuckets } from "../../../policy-pack/lib/trail-bucket";
import { UNKNOWN, compliantStack, previewStack, reasonOf, single, urnNamed, withProps } from "../fixtures";

/** Runs a bucket check that passes everything, recording the contexts it was given. */
function titlesSeen(stack: ReturnType<typeof compliantStack>) {
  const seen: BucketContext[] = [];
  const findings = checkTrailBuckets(stack, (context) => {
    seen.push(context);
    return compliant();
  });
  return { findings, titles: seen.map((context) => context.title) };
}

describe("checkTrailBuckets: every trail's archive bucket, or why it cannot be checked", () => {
  it("runs the check on the bucket the trail delivers to, and reports on that bucket", () => {
    const stack = compliantStack();
    const { findings, titles } = titlesSeen(stack);
    assert.deepEqual(findings, [{ status: "compliant", urn: urnNamed(stack, "archive") }]);
    assert.deepEqual(titles, ['bucket "org-trail-archive-111122223333"']);
  });

  it("cannot judge a trail whose bucket name is unknown in preview and comes from no resource", () => {
    const stack = withProps(compliantStack(), "org-trail", { s3BucketName: UNKNOWN });
    const finding = single(titlesSeen(stack).findings);
    assert.equal(finding.status, "unknown");
    assert.equal(finding.urn, urnNamed(stack, "org-trail"));
    assert.match(
      reasonOf(finding),
      /^which bucket Trail "org-trail" delivers to \(`s3BucketName`\) is not known during preview/,
    );
  });

  it("fails a trail without a bucket, naming the trail and the property to set", () => {
    const stack = withProps(compliantStack(), "org-trail", { s3BucketName: undefined });
    const finding = single(titlesSeen(stack).findings);
    assert.equal(finding.status, "non-compliant");
    assert.equal(finding.urn, urnNamed(stack, "org-trail"));
    assert.match(
      reasonOf(finding),
      /^Trail "org-trail" has no `s3BucketName`; set it to the log archive bucket/,
    );
  });

  it("cannot verify, as advisory, a bucket another stack manages", () => {
    const stack = withProps(compliantStack(), "org-trail", { s3BucketName: "shared-archive" });
    const finding = single(titlesSeen(stack).findings);
    assert.equal(finding.status, "unknown");
    assert.match(reasonOf(finding), /cannot verify: Trail "org-trail" delivers to bucket "shared-archive"/);
  });

  it("names a bucket by its Pulumi resource name while its S3 name is unknown or generated", () => {
    // In preview the trail's s3BucketName is unknown too; the engine records which bucket it comes from.
    const preview = withProps(previewStack(), "org-trail", { s3BucketName: UNKNOWN });
    const unknownName = withProps(preview, "archive", { bucket: UNKNOWN });
    assert.deepEqual(titlesSeen(unknownName).titles, ['bucket resource "archive"']);
    const generatedName = withProps(preview, "archive", { bucket: undefined });
    assert.deepEqual(titlesSeen(generatedName).titles, ['bucket resource "archive"']);
  });
});
