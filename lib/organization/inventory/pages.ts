import type { z } from "zod";
import { InventoryError, toInventoryError } from "./errors";
import { readResponse } from "./responses";

/**
 * Successful calls and retries, read from each response's (or error's) `$metadata.attempts`, and a
 * progress report once each call's results are recorded.
 */
export class CallMeter {
  calls = 0;
  retries = 0;

  constructor(readonly reportProgress: () => void = () => undefined) {}

  succeeded(response: unknown): void {
    this.calls++;
    this.retries += extraAttempts(response);
  }

  failed(error: unknown): void {
    this.retries += extraAttempts(error);
  }
}

function extraAttempts(value: unknown): number {
  const attempts = (value as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts;
  return typeof attempts === "number" && attempts > 1 ? attempts - 1 : 0;
}

/** Sends one call, validates its response and counts it. Errors come back as InventoryError. */
export async function readOne<S extends z.ZodType>(
  send: () => Promise<unknown>,
  schema: S,
  call: string,
  meter: CallMeter,
): Promise<z.infer<S>> {
  let response: unknown;
  try {
    response = await send();
  } catch (error) {
    meter.failed(error);
    throw toInventoryError(error, call);
  }
  meter.succeeded(response);
  const result = readResponse(schema, response, call);
  meter.reportProgress();
  return result;
}

/**
 * Walks an SDK paginator to its end, validating and counting each page and handing it to `onPage`.
 * A NextToken seen twice stops the walk: the SDK would otherwise loop on it forever.
 */
export async function readAllPages<S extends z.ZodType<{ NextToken?: string }>>(
  pages: AsyncIterable<unknown>,
  schema: S,
  call: string,
  meter: CallMeter,
  onPage: (page: z.infer<S>) => void,
): Promise<void> {
  const tokens = new Set<string>();
  try {
    for await (const response of pages) {
      meter.succeeded(response);
      const page = readResponse(schema, response, call);
      const token = page.NextToken;
      if (token !== undefined && tokens.has(token)) {
        throw new InventoryError(
          "malformed-response",
          `${call}: the service returned the same NextToken twice (${token.slice(0, 20)}...); run again, ` +
            "and report it if it persists",
        );
      }
      if (token !== undefined) tokens.add(token);
      onPage(page);
      meter.reportProgress();
    }
  } catch (error) {
    meter.failed(error);
    throw toInventoryError(error, call);
  }
}
