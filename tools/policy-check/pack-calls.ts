import type { ServiceError } from "@grpc/grpc-js";
import { PolicyPackError } from "./errors";
import type { RunningPack } from "./pack-launcher";
import { grpc } from "./pulumi-rpc";

/** Runs gRPC calls to a pack, turning failures into one-line PolicyPackErrors that name the call and cause. */
export class PackCalls {
  constructor(
    private readonly dir: string,
    private readonly pack: RunningPack,
    private readonly callTimeoutMs: number,
  ) {}

  async guard<Result>(what: string, call: () => Promise<Result>): Promise<Result> {
    try {
      return await call();
    } catch (error) {
      if (!isServiceError(error)) throw error;
      throw new PolicyPackError(this.describe(what, error));
    }
  }

  private describe(what: string, error: ServiceError): string {
    const exited = this.pack.exitSummary();
    if (exited) return `${exited} (during ${what})`;
    if (error.code === grpc.status.DEADLINE_EXCEEDED) {
      return `policy pack ${this.dir} did not answer ${what} within ${this.callTimeoutMs / 1000} s; a policy may be stuck`;
    }
    return `policy pack ${this.dir} failed during ${what}: ${summarizeDetails(error.details)}`;
  }
}

function isServiceError(error: unknown): error is ServiceError {
  return error instanceof Error && typeof (error as Partial<ServiceError>).code === "number";
}

/** The policy SDK sends an error's message followed by its stack; keep the message. */
export function summarizeDetails(details: string): string {
  const message = details
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("at "));
  return message.join(" ") || "no details";
}
