import assert from "node:assert/strict";
import { replicateDeployment } from "../../../tools/bench/replicate-deployment";
import type { DeploymentDocument, DeploymentResource } from "../../../tools/policy-check/deployment-schema";

const PREFIX = "urn:pulumi:prod::org-governance::";
const BUCKET_NAME = "org-trail-archive-222233334444";
const PROVIDER = `${PREFIX}pulumi:providers:aws::default`;
const STACK = `${PREFIX}pulumi:pulumi:Stack::org-governance-prod`;

function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<DeploymentResource> = {},
) {
  return {
    urn: `${PREFIX}${type}::${name}`,
    custom: true,
    type,
    id: name,
    inputs: props,
    outputs: props,
    provider: `${PROVIDER}::provider-id`,
    ...extra,
  };
}

/** A stack, its provider, a bucket and a trail that names the bucket and depends on it. */
function planExport(): DeploymentDocument {
  const bucket = resource("aws:s3/bucket:Bucket", "archive", {
    bucket: BUCKET_NAME,
    arn: `arn:aws:s3:::${BUCKET_NAME}`,
  });
  const trail = resource(
    "aws:cloudtrail/trail:Trail",
    "trail",
    { name: "org-governance", s3BucketName: BUCKET_NAME, isMultiRegionTrail: true, enableLogging: true },
    {
      parent: bucket.urn,
      dependencies: [bucket.urn, PROVIDER],
      propertyDependencies: { s3BucketName: [bucket.urn] },
    },
  );
  return {
    version: 3,
    deployment: {
      resources: [
        { urn: STACK, custom: false, type: "pulumi:pulumi:Stack" },
        { urn: PROVIDER, custom: true, type: "pulumi:providers:aws", id: "provider-id" },
        bucket,
        trail,
      ],
    },
  };
}

function byUrn(document: DeploymentDocument, urn: string): DeploymentResource {
  const found = document.deployment.resources?.find((candidate) => candidate.urn === urn);
  assert.ok(found, `no resource ${urn}`);
  return found;
}

describe("replicateDeployment", () => {
  it("makes exactly the requested number of resources, the stack and providers once", () => {
    const replicated = replicateDeployment(planExport(), 7);
    const resources = replicated.deployment.resources ?? [];
    assert.equal(resources.length, 7);
    assert.equal(resources.filter((r) => r.type === "pulumi:pulumi:Stack").length, 1);
    assert.equal(resources.filter((r) => r.type === "pulumi:providers:aws").length, 1);
    assert.equal(new Set(resources.map((r) => r.urn)).size, 7);
  });

  it("keeps the original as the first copy", () => {
    const original = planExport();
    const replicated = replicateDeployment(original, 4);
    assert.deepEqual(replicated.deployment.resources, original.deployment.resources);
  });

  it("points a copy's parent, dependencies and property dependencies at its own copy, and keeps the provider", () => {
    const replicated = replicateDeployment(planExport(), 6);
    const trail = byUrn(replicated, `${PREFIX}aws:cloudtrail/trail:Trail::trail-copy1`);
    const bucketUrn = `${PREFIX}aws:s3/bucket:Bucket::archive-copy1`;
    assert.equal(trail.parent, bucketUrn);
    assert.deepEqual(trail.dependencies, [bucketUrn, PROVIDER]);
    assert.deepEqual(trail.propertyDependencies, { s3BucketName: [bucketUrn] });
    assert.equal(trail.provider, `${PROVIDER}::provider-id`);
  });

  it("renames what identifies a copy's resources everywhere it appears, so each trail finds its own bucket", () => {
    const replicated = replicateDeployment(planExport(), 6);
    const bucket = byUrn(replicated, `${PREFIX}aws:s3/bucket:Bucket::archive-copy1`);
    const trail = byUrn(replicated, `${PREFIX}aws:cloudtrail/trail:Trail::trail-copy1`);
    assert.equal(bucket.outputs?.bucket, `${BUCKET_NAME}-copy1`);
    assert.equal(bucket.outputs?.arn, `arn:aws:s3:::${BUCKET_NAME}-copy1`);
    assert.equal(trail.inputs?.s3BucketName, bucket.outputs?.bucket);
    assert.equal(trail.inputs?.name, "org-governance-copy1");
    assert.equal(trail.inputs?.isMultiRegionTrail, true);
  });

  it("refuses a size that leaves no room for the copied resources", () => {
    assert.throws(
      () => replicateDeployment(planExport(), 2),
      /cannot make 2 resources .*ask for a whole number above 2/,
    );
  });
});
