import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { SigningKey } from "./archive-builder";

export interface CloudTrailEndpoint {
  url: string;
  /** ListPublicKeys calls per region (from the request's SigV4 credential scope). */
  calls: Record<string, number>;
  close(): Promise<void>;
}

// The SDK for JavaScript sends `CloudTrail_20131101.ListPublicKeys`; botocore prefixes `com.amazonaws.cloudtrail.v20131101.`.
const TARGET = "CloudTrail_20131101.ListPublicKeys";

/**
 * CloudTrail's `ListPublicKeys` (AWS JSON 1.1) on 127.0.0.1: the keys of the request's region (taken
 * from the SigV4 credential scope, as the real regional endpoint is) whose validity overlaps
 * `[StartTime, EndTime]`, `Value` as base64 DER (the API's blob), times in epoch seconds.
 */
export async function startCloudTrailEndpoint(
  keysByRegion: ReadonlyMap<string, SigningKey[]>,
): Promise<CloudTrailEndpoint> {
  const calls: Record<string, number> = {};
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const send = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        response.writeHead(status, {
          "content-type": "application/x-amz-json-1.1",
          "content-length": Buffer.byteLength(text),
          "x-amzn-requestid": randomUUID(),
        });
        response.end(text);
      };
      if (!String(request.headers["x-amz-target"] ?? "").endsWith(TARGET)) {
        return send(400, {
          __type: "UnknownOperationException",
          message: `unknown operation ${String(request.headers["x-amz-target"])}`,
        });
      }
      const region =
        /Credential=[^/]+\/\d{8}\/([^/]+)\/cloudtrail\//.exec(
          String(request.headers.authorization ?? ""),
        )?.[1] ?? "";
      calls[region] = (calls[region] ?? 0) + 1;
      const input = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as {
        StartTime?: number;
        EndTime?: number;
      };
      const now = Date.now() / 1000;
      const start = input.StartTime ?? now;
      const end = input.EndTime ?? now;
      const keys = (keysByRegion.get(region) ?? []).filter(
        (key) => key.validFrom.getTime() / 1000 <= end && key.validTo.getTime() / 1000 >= start,
      );
      send(200, {
        PublicKeyList: keys.map((key) => ({
          Value: key.publicDer.toString("base64"),
          ValidityStartTime: key.validFrom.getTime() / 1000,
          ValidityEndTime: key.validTo.getTime() / 1000,
          Fingerprint: key.fingerprint,
        })),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
