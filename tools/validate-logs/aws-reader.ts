import { CloudTrailClient, ListPublicKeysCommand } from "@aws-sdk/client-cloudtrail";
import { GetObjectCommand, paginateListObjectsV2, S3Client, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import type { Readable } from "node:stream";
import type { ArchiveReader, FetchedObject, PublicKeyRecord } from "./reader";

/** The run cannot go on (credentials, access, a bucket that is not there): exit 2 with this one line. */
export class CouldNotRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CouldNotRunError";
  }
}

export interface AwsReaderSettings {
  /** Region of the bucket's S3 endpoint. */
  bucketRegion: string;
  /** Endpoints to use instead of the SDK's (which honours AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_CLOUDTRAIL). */
  endpoints?: { s3?: string; cloudTrail?: string };
  /** @default 8 */
  maxAttempts?: number;
  /** First back-off of the SDK's retry strategy (throttling, 5xx); later ones double, with jitter. @default 200 */
  retryBaseDelayMs?: number;
}

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string> };
}

function describe(error: unknown, what: string): Error {
  const sdk = error as SdkError;
  const name = sdk?.name ?? "Error";
  if (name === "CredentialsProviderError" || /credential/i.test(sdk?.message ?? "")) {
    return new CouldNotRunError(
      `${what}: no AWS credentials (${sdk.message}); sign in (aws sso login, AWS_PROFILE) and run again`,
    );
  }
  if (name === "AccessDenied" || name === "AccessDeniedException" || sdk?.$metadata?.httpStatusCode === 403) {
    return new CouldNotRunError(
      `${what}: access denied; give the reader the policy in docs/validate-logs.md`,
    );
  }
  if (name === "NoSuchBucket")
    return new CouldNotRunError(`${what}: no such bucket; check --bucket or the stack`);
  return new CouldNotRunError(
    `${what}: ${name}: ${sdk?.message ?? String(error)}; check the network and endpoint, and run again`,
  );
}

function retryStrategy(settings: AwsReaderSettings): {
  maxAttempts: number;
  retryStrategy: ConfiguredRetryStrategy;
} {
  const maxAttempts = settings.maxAttempts ?? 8;
  const base = settings.retryBaseDelayMs ?? 200;
  return {
    maxAttempts,
    retryStrategy: new ConfiguredRetryStrategy(maxAttempts, (attempt) =>
      Math.floor(Math.random() * Math.min(20_000, base * 2 ** (attempt - 1))),
    ),
  };
}

/**
 * The archive through S3 and CloudTrail with the SDK's default credential chain. The SDK honours
 * `AWS_ENDPOINT_URL_S3` and `AWS_ENDPOINT_URL_CLOUDTRAIL`; with an S3 endpoint override it addresses
 * buckets path-style, as S3-compatible stores expect.
 */
export function createAwsReader(settings: AwsReaderSettings): ArchiveReader {
  const s3Endpoint = settings.endpoints?.s3;
  const overridden = Boolean(s3Endpoint || process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL);
  const s3 = new S3Client({
    region: settings.bucketRegion,
    forcePathStyle: overridden,
    ...(s3Endpoint && { endpoint: s3Endpoint }),
    ...retryStrategy(settings),
  });
  const cloudTrailEndpoint = settings.endpoints?.cloudTrail;
  const cloudTrail = new Map<string, CloudTrailClient>();
  const cloudTrailIn = (region: string) => {
    if (!cloudTrail.has(region))
      cloudTrail.set(
        region,
        new CloudTrailClient({
          region,
          ...(cloudTrailEndpoint && { endpoint: cloudTrailEndpoint }),
          ...retryStrategy(settings),
        }),
      );
    return cloudTrail.get(region)!;
  };

  return {
    async *listKeys(bucket, prefix) {
      try {
        for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
          for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
        }
      } catch (error) {
        throw describe(error, `s3:ListBucket s3://${bucket}/${prefix}`);
      }
    },
    async listFolders(bucket, prefix) {
      const folders: string[] = [];
      let token: string | undefined;
      try {
        do {
          const page = await s3.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: prefix,
              Delimiter: "/",
              ContinuationToken: token,
            }),
          );
          for (const common of page.CommonPrefixes ?? []) if (common.Prefix) folders.push(common.Prefix);
          token = page.NextContinuationToken;
        } while (token);
      } catch (error) {
        throw describe(error, `s3:ListBucket s3://${bucket}/${prefix}`);
      }
      return folders;
    },
    async getObject(bucket, key): Promise<FetchedObject> {
      try {
        const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const body = answer.Body as Readable;
        return {
          found: true,
          body,
          metadata: answer.Metadata ?? {},
          versionId: answer.VersionId,
          bytes: async () => Buffer.from(await answer.Body!.transformToByteArray()),
        };
      } catch (error) {
        const sdk = error as SdkError;
        if (
          sdk?.name === "NoSuchKey" ||
          (sdk?.$metadata?.httpStatusCode === 404 && sdk.name !== "NoSuchBucket")
        ) {
          return { found: false, versionId: sdk.$response?.headers?.["x-amz-version-id"] };
        }
        throw describe(error, `s3:GetObject s3://${bucket}/${key}`);
      }
    },
    async publicKeys(region, from, to): Promise<PublicKeyRecord[]> {
      try {
        const answer = await cloudTrailIn(region).send(
          new ListPublicKeysCommand({ StartTime: from, EndTime: to }),
        );
        return (answer.PublicKeyList ?? []).flatMap((key) =>
          key.Fingerprint && key.Value
            ? [
                {
                  fingerprint: key.Fingerprint,
                  value: key.Value,
                  validFrom: key.ValidityStartTime,
                  validTo: key.ValidityEndTime,
                },
              ]
            : [],
        );
      } catch (error) {
        throw describe(error, `cloudtrail:ListPublicKeys in ${region}`);
      }
    },
  };
}
