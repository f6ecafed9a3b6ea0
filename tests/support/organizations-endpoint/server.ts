import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { OrganizationSnapshot } from "../../../lib/organization/snapshot";
import { FakeOrganization } from "./fake-organization";
import {
  OPERATIONS,
  attemptFromHeader,
  decideFate,
  type FaultKind,
  type FaultPlan,
  type Interruption,
  type OperationName,
} from "./faults";
import { ServiceError } from "./service-error";
import { TEST_CREDENTIALS } from "./test-credentials";

const TARGET_PREFIX = "AWSOrganizationsV20161128.";

export interface EndpointCounters {
  /** Every request received, per operation. */
  requests: Partial<Record<OperationName, number>>;
  /** Requests answered with HTTP 200 and a whole body, per operation. */
  answered: Partial<Record<OperationName, number>>;
  faults: Partial<Record<FaultKind, number>>;
  /** The most requests in progress at once. */
  maxConcurrent: number;
}

export interface OrganizationsEndpoint {
  /** `http://127.0.0.1:<port>` */
  url: string;
  counters: EndpointCounters;
  /** Sum of `counters.answered`. */
  successfulCalls(): number;
  close(): Promise<void>;
}

export interface OrganizationsEndpointOptions {
  organization: OrganizationSnapshot;
  faults?: FaultPlan;
  /** How the endpoint waits before a slow answer; tests inject one to see the wait without timing it. */
  sleep?: (ms: number) => Promise<void>;
}

const INTERRUPTIONS: Record<Exclude<Interruption, "drop">, () => ServiceError> = {
  throttle: () =>
    new ServiceError("TooManyRequestsException", "Rate exceeded", 400, { Type: "AWSOrganizations" }),
  serverError: () =>
    new ServiceError("ServiceException", "AWS Organizations can't complete your request.", 500),
  accessDenied: () =>
    new ServiceError("AccessDeniedException", "You don't have permissions to access this resource."),
  notInOrganization: () =>
    new ServiceError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization."),
};

function increment<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    "content-type": "application/x-amz-json-1.1",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
  });
  response.end(text);
}

function sendError(response: ServerResponse, error: ServiceError): void {
  send(response, error.status, JSON.stringify(error.body()));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The operation a request names, after the checks the real endpoint makes first. */
function operationOf(request: IncomingMessage): OperationName {
  if (request.method !== "POST" || request.url !== "/") {
    throw new ServiceError(
      "UnknownOperationException",
      `${request.method} ${request.url} is not an operation`,
      404,
    );
  }
  const credential = /Credential=([^/]+)\//.exec(request.headers.authorization ?? "")?.[1];
  if (credential !== TEST_CREDENTIALS.accessKeyId) {
    throw new ServiceError(
      "UnrecognizedClientException",
      "The security token included in the request is invalid.",
    );
  }
  const target = String(request.headers["x-amz-target"] ?? "");
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
  if (!(OPERATIONS as readonly string[]).includes(operation)) {
    throw new ServiceError("UnknownOperationException", `Unknown operation ${JSON.stringify(target)}`);
  }
  return operation as OperationName;
}

function parseInput(body: string): Record<string, unknown> {
  try {
    const input: unknown = JSON.parse(body === "" ? "{}" : body);
    if (input !== null && typeof input === "object" && !Array.isArray(input))
      return input as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new ServiceError("SerializationException", "Start of structure or map found where not expected.");
}

/**
 * An AWS Organizations-compatible endpoint (AWS JSON 1.1) on 127.0.0.1, port chosen by the system,
 * serving `organization` with the faults of `faults`. Only the test access key is accepted.
 */
export async function startOrganizationsEndpoint(
  options: OrganizationsEndpointOptions,
): Promise<OrganizationsEndpoint> {
  const faults = options.faults ?? {};
  const counters: EndpointCounters = { requests: {}, answered: {}, faults: {}, maxConcurrent: 0 };
  let inProgress = 0;
  const countFault = (kind: FaultKind) => increment(counters.faults, kind);
  const organization = new FakeOrganization(options.organization, faults, countFault);
  const timers = new Set<NodeJS.Timeout>();
  const wait =
    options.sleep ??
    ((ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }));

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const operation = operationOf(request);
    increment(counters.requests, operation);
    const attempt = attemptFromHeader(request.headers["amz-sdk-request"] as string | undefined);
    const fate = decideFate(faults, { operation, body, attempt });
    if (fate.delayMs > 0) {
      countFault("slow");
      await wait(fate.delayMs);
      if (response.destroyed || request.socket.destroyed) return;
    }
    if (fate.interruption === "drop") {
      countFault("drop");
      request.socket.destroy();
      return;
    }
    if (fate.interruption) {
      countFault(fate.interruption);
      throw INTERRUPTIONS[fate.interruption]();
    }
    const text = JSON.stringify(organization.answer(operation, parseInput(body)));
    if (faults.truncateBody === operation) {
      countFault("truncate");
      send(response, 200, text.slice(0, Math.floor(text.length / 2)));
      return;
    }
    increment(counters.answered, operation);
    send(response, 200, text);
  }

  const server = createServer((request, response) => {
    inProgress++;
    counters.maxConcurrent = Math.max(counters.maxConcurrent, inProgress);
    response.once("close", () => inProgress--);
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) return;
      const answer =
        error instanceof ServiceError
          ? error
          : new ServiceError("InternalFailure", `endpoint bug: ${String(error)}`, 500);
      sendError(response, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    counters,
    successfulCalls: () => Object.values(counters.answered).reduce((sum, n) => sum + (n ?? 0), 0),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
