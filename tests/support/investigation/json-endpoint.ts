import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** An error the endpoint answers with, as AWS JSON 1.1 services do (`__type`, `message`). */
export class EndpointError {
  constructor(
    readonly type: string,
    readonly message: string,
    readonly status = 400,
  ) {}
}

export type Handler = (input: Record<string, unknown>) => Record<string, unknown> | EndpointError;

export interface RecordedCall {
  target: string;
  operation: string;
  input: Record<string, unknown>;
}

export interface JsonEndpoint {
  url: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * An AWS JSON 1.1 endpoint on 127.0.0.1 (Athena's and CloudTrail's protocol: POST /, `X-Amz-Target:
 * <service>.<Operation>`, JSON bodies). Requests whose target does not start with `targetPrefix`
 * or name an operation without a handler are refused as the services refuse unknown operations.
 */
export async function startJsonEndpoint(
  targetPrefix: string,
  handlers: Record<string, Handler>,
): Promise<JsonEndpoint> {
  const calls: RecordedCall[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const target = String(request.headers["x-amz-target"] ?? "");
      const operation = target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : "";
      const input = JSON.parse(body || "{}") as Record<string, unknown>;
      calls.push({ target, operation, input });
      const handler = handlers[operation];
      const result = handler
        ? handler(input)
        : new EndpointError("UnknownOperationException", `unknown operation ${target}`);
      const status = result instanceof EndpointError ? result.status : 200;
      const text = JSON.stringify(
        result instanceof EndpointError ? { __type: result.type, message: result.message } : result,
      );
      response.writeHead(status, {
        "content-type": "application/x-amz-json-1.1",
        "content-length": Buffer.byteLength(text),
      });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
