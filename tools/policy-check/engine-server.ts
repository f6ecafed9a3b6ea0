import { EngineService, type IEngineServer } from "@pulumi/pulumi/proto/engine_grpc_pb";
import {
  GetRootResourceResponse,
  LogSeverity,
  SetRootResourceResponse,
} from "@pulumi/pulumi/proto/engine_pb";
import { Empty, grpc } from "./pulumi-rpc";

export interface EngineLogEntry {
  readonly severity: "debug" | "info" | "warning" | "error";
  readonly message: string;
  readonly urn?: string;
}

/** The engine address a plugin is started with, and what plugins told it. */
export interface EngineServer {
  readonly address: string;
  readonly logs: readonly EngineLogEntry[];
  close(): void;
}

const SEVERITIES: Record<LogSeverity, EngineLogEntry["severity"]> = {
  [LogSeverity.DEBUG]: "debug",
  [LogSeverity.INFO]: "info",
  [LogSeverity.WARNING]: "warning",
  [LogSeverity.ERROR]: "error",
};

/**
 * The smallest Engine service a plugin can be pointed at: Log records messages, the root resource is kept in
 * memory, everything else answers UNIMPLEMENTED. Listens on 127.0.0.1 at a port the OS picks.
 */
export async function startEngineServer(): Promise<EngineServer> {
  const logs: EngineLogEntry[] = [];
  let rootResource = "";
  const implementation: Partial<IEngineServer> = {
    log: (call, callback) => {
      const request = call.request;
      logs.push({
        severity: SEVERITIES[request.getSeverity()] ?? "info",
        message: request.getMessage(),
        ...(request.getUrn() ? { urn: request.getUrn() } : {}),
      });
      callback(null, new Empty());
    },
    getRootResource: (_call, callback) => {
      callback(null, new GetRootResourceResponse().setUrn(rootResource));
    },
    setRootResource: (call, callback) => {
      rootResource = call.request.getUrn();
      callback(null, new SetRootResourceResponse());
    },
  };
  const server = new grpc.Server();
  server.addService(EngineService, implementation as IEngineServer);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    );
  });
  return { address: `127.0.0.1:${port}`, logs, close: () => server.forceShutdown() };
}
