import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { VersionedBucket } from "./store";

export { VersionedBucket } from "./store";

/**
 * Faults by request number: the first `count` requests of `operation` are answered with S3's throttling
 * (503 SlowDown) or internal error (500 InternalError), which the SDK's retry strategy must absorb.
 */
export interface S3Faults {
  operation: "GetObject" | "ListObjects";
  kind: "SlowDown" | "InternalError";
  count: number;
}

export interface S3EndpointOptions {
  buckets: VersionedBucket[];
  /** Keys per list page. @default 1000 */
  pageSize?: number;
  faults?: S3Faults[];
  /** Answer every request 403 AccessDenied, as S3 does for a reader without the policy. */
  denyAll?: boolean;
  /** Region GetBucketLocation answers (empty for us-east-1, as S3 does). @default "us-east-1" */
  region?: string;
}

export interface S3Endpoint {
  url: string;
  counters: {
    requests: Record<string, number>;
    faults: number;
    maxConcurrent: number;
    listedPrefixes: string[];
  };
  close(): Promise<void>;
}

function xmlEscape(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );
}

function sendXml(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  response.writeHead(status, {
    "content-type": "application/xml",
    "content-length": Buffer.byteLength(text),
    "x-amz-request-id": randomUUID(),
    ...headers,
  });
  response.end(text);
}

function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendXml(
    response,
    status,
    `<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>${randomUUID()}</RequestId></Error>`,
    headers,
  );
}

/** First index in sorted `keys` whose key is > `after` (or >= `prefix` when there is no `after`). */
function firstIndex(keys: string[], prefix: string, after: string | undefined): number {
  const bound = after !== undefined && after >= prefix ? after : prefix;
  const inclusive = !(after !== undefined && after >= prefix);
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keys[mid] < bound || (!inclusive && keys[mid] === bound)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * An S3-compatible endpoint on 127.0.0.1 with versioned buckets: ListObjects (V1 with Marker, as the AWS
 * CLI's validate-logs uses, and V2 with continuation tokens), GetObject with user metadata and version
 * ids, GetBucketLocation. Path-style addressing; virtual-hosted `Host: <bucket>.s3…` also works, so a
 * proxy can forward what a client sent to AWS's hostnames.
 */
export async function startS3Endpoint(options: S3EndpointOptions): Promise<S3Endpoint> {
  const buckets = new Map(options.buckets.map((bucket) => [bucket.name, bucket]));
  const pageSize = options.pageSize ?? 1000;
  const faults = (options.faults ?? []).map((fault) => ({ ...fault }));
  const counters: S3Endpoint["counters"] = { requests: {}, faults: 0, maxConcurrent: 0, listedPrefixes: [] };
  let inProgress = 0;

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://localhost");
    const host = String(request.headers.host ?? "");
    const virtual = /^([a-z0-9.-]+)\.s3[.-]/.exec(host)?.[1];
    const path = decodeURIComponent(url.pathname).replace(/^\//, "");
    const [bucketName, ...rest] = virtual ? [virtual, path] : path.split("/");
    const key = virtual ? path : rest.join("/");
    const bucket = buckets.get(bucketName);
    const operation =
      key === ""
        ? url.searchParams.has("location")
          ? "GetBucketLocation"
          : "ListObjects"
        : request.method === "HEAD"
          ? "HeadObject"
          : "GetObject";
    counters.requests[operation] = (counters.requests[operation] ?? 0) + 1;
    if (request.method !== "GET" && request.method !== "HEAD")
      return sendError(response, 405, "MethodNotAllowed", `${request.method} is not served here`);
    if (options.denyAll) return sendError(response, 403, "AccessDenied", "Access Denied");
    const fault = faults.find(
      (f) => f.operation === (operation === "HeadObject" ? "GetObject" : operation) && f.count > 0,
    );
    if (fault) {
      fault.count--;
      counters.faults++;
      return fault.kind === "SlowDown"
        ? sendError(response, 503, "SlowDown", "Please reduce your request rate.")
        : sendError(response, 500, "InternalError", "We encountered an internal error. Please try again.");
    }
    if (!bucket)
      return sendError(response, 404, "NoSuchBucket", `The specified bucket ${bucketName} does not exist`);
    if (operation === "GetBucketLocation") {
      const region = options.region ?? "us-east-1";
      return sendXml(
        response,
        200,
        `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${region === "us-east-1" ? "" : region}</LocationConstraint>`,
      );
    }
    if (operation === "ListObjects") return list(bucket, url.searchParams, response);
    const version = bucket.get(key, url.searchParams.get("versionId") ?? undefined);
    if (!version) return sendError(response, 404, "NoSuchKey", "The specified key does not exist.");
    if (!version.body) {
      return sendError(response, 404, "NoSuchKey", "The specified key does not exist.", {
        "x-amz-delete-marker": "true",
        "x-amz-version-id": version.versionId,
      });
    }
    const headers: Record<string, string | number> = {
      "content-type": "application/octet-stream",
      "content-length": version.body.length,
      etag: `"${version.etag}"`,
      "last-modified": version.lastModified.toUTCString(),
      "x-amz-version-id": version.versionId,
      "x-amz-request-id": randomUUID(),
    };
    for (const [name, value] of Object.entries(version.metadata)) headers[`x-amz-meta-${name}`] = value;
    response.writeHead(200, headers);
    response.end(request.method === "HEAD" ? undefined : version.body);
  }

  function list(bucket: VersionedBucket, params: URLSearchParams, response: ServerResponse): void {
    const v2 = params.get("list-type") === "2";
    const prefix = params.get("prefix") ?? "";
    const delimiter = params.get("delimiter") ?? "";
    const maxKeys = Math.min(pageSize, Number(params.get("max-keys") ?? pageSize));
    const token = params.get("continuation-token");
    const after = v2
      ? token
        ? Buffer.from(token, "base64").toString("utf8")
        : (params.get("start-after") ?? undefined)
      : (params.get("marker") ?? undefined);
    counters.listedPrefixes.push(prefix);
    const keys = bucket.currentKeys();
    const contents: string[] = [];
    const common: string[] = [];
    let last: string | undefined;
    let truncated = false;
    for (
      let i = firstIndex(keys, prefix, after || undefined);
      i < keys.length && keys[i].startsWith(prefix);
      i++
    ) {
      if (contents.length + common.length >= maxKeys) {
        truncated = true;
        break;
      }
      const key = keys[i];
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        const folder = key.slice(0, cut + delimiter.length);
        if (common.at(-1) !== folder) common.push(folder);
        // Skip the rest of the folder: S3 rolls it up into one common prefix.
        while (i + 1 < keys.length && keys[i + 1].startsWith(folder)) i++;
        last = keys[i];
        continue;
      }
      const version = bucket.get(key)!;
      contents.push(
        `<Contents><Key>${xmlEscape(key)}</Key><LastModified>${version.lastModified.toISOString()}</LastModified><ETag>&quot;${version.etag}&quot;</ETag><Size>${version.body!.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
      );
      last = key;
    }
    const next = truncated && last !== undefined ? last : undefined;
    const body = [
      `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">`,
      `<Name>${xmlEscape(bucket.name)}</Name><Prefix>${xmlEscape(prefix)}</Prefix>`,
      v2
        ? `<KeyCount>${contents.length + common.length}</KeyCount>`
        : `<Marker>${xmlEscape(after ?? "")}</Marker>`,
      `<MaxKeys>${maxKeys}</MaxKeys>`,
      delimiter ? `<Delimiter>${xmlEscape(delimiter)}</Delimiter>` : "",
      `<IsTruncated>${truncated}</IsTruncated>`,
      ...contents,
      ...common.map((folder) => `<CommonPrefixes><Prefix>${xmlEscape(folder)}</Prefix></CommonPrefixes>`),
      next === undefined
        ? ""
        : v2
          ? `<NextContinuationToken>${Buffer.from(next).toString("base64")}</NextContinuationToken>`
          : `<NextMarker>${xmlEscape(next)}</NextMarker>`,
      `</ListBucketResult>`,
    ].join("");
    sendXml(response, 200, body);
  }

  const server = createServer((request, response) => {
    inProgress++;
    counters.maxConcurrent = Math.max(counters.maxConcurrent, inProgress);
    response.once("close", () => inProgress--);
    request.resume();
    request.once("end", () => {
      try {
        handle(request, response);
      } catch (error) {
        if (!response.headersSent)
          sendError(response, 500, "InternalError", `endpoint bug: ${String(error)}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counters,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
