import {
  validateArchive,
  type ValidationReport,
  type ValidationRequest,
} from "../../tools/validate-logs/run";
import { createAwsReader } from "../../tools/validate-logs/aws-reader";
import type { BuiltArchive } from "./archive-builder";
import { startCloudTrailEndpoint, type CloudTrailEndpoint } from "./cloudtrail-endpoint";
import { useTestCredentialsInEnvironment } from "./organizations-endpoint/test-credentials";
import {
  startS3Endpoint,
  VersionedBucket,
  type S3Endpoint,
  type S3EndpointOptions,
} from "./s3-endpoint/server";

export interface ServedArchive {
  archive: BuiltArchive;
  bucket: VersionedBucket;
  s3: S3Endpoint;
  cloudTrail: CloudTrailEndpoint;
  /** Runs the validation through the real SDK against the loopback endpoints. */
  validate(overrides?: Partial<ValidationRequest>): Promise<ValidationReport>;
  close(): Promise<void>;
}

/**
 * Serves a built archive from a loopback S3 endpoint (a versioned bucket) and its keys from a loopback
 * CloudTrail `ListPublicKeys`, with the SDK pointed at them through `AWS_ENDPOINT_URL_S3` and
 * `AWS_ENDPOINT_URL_CLOUDTRAIL` and the test credentials.
 */
export async function serveArchive(
  archive: BuiltArchive,
  options: Omit<S3EndpointOptions, "buckets"> & {
    /**
     * Give the endpoints to the reader instead of through the environment, so several archives can be
     * served at once; the caller sets the test credentials.
     */
    explicitEndpoints?: boolean;
  } = {},
): Promise<ServedArchive> {
  const bucket = new VersionedBucket(archive.spec.bucket);
  for (const object of archive.objects) bucket.put(object.key, object.body, object.metadata);
  const s3 = await startS3Endpoint({ ...options, buckets: [bucket] });
  const cloudTrail = await startCloudTrailEndpoint(archive.publicKeys);
  const restore = options.explicitEndpoints
    ? () => {}
    : useTestCredentialsInEnvironment({
        AWS_ENDPOINT_URL_S3: s3.url,
        AWS_ENDPOINT_URL_CLOUDTRAIL: cloudTrail.url,
      });
  const endpoints = options.explicitEndpoints ? { s3: s3.url, cloudTrail: cloudTrail.url } : undefined;
  const hours = archive.spec.hours;
  return {
    archive,
    bucket,
    s3,
    cloudTrail,
    validate: (overrides = {}) =>
      validateArchive(
        createAwsReader({ bucketRegion: archive.spec.homeRegion, retryBaseDelayMs: 1, endpoints }),
        {
          bucket: archive.spec.bucket,
          trailArn: archive.trailArn,
          keyPrefix: archive.spec.keyPrefix,
          organizationId: archive.spec.organizationId,
          from: new Date(archive.spec.start.getTime() + 60_000),
          to: new Date(archive.spec.start.getTime() + hours * 3_600_000),
          concurrency: 8,
          ...overrides,
        },
      ),
    close: async () => {
      restore();
      await Promise.all([s3.close(), cloudTrail.close()]);
    },
  };
}
