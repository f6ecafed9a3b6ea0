import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";

/**
 * Defaults tuned for Organizations, which throttles at a few requests per second: many patient
 * attempts, exponential back-off from half a second capped at 20 s (about 80 s of waiting at most per
 * call before giving up).
 */
export const INVENTORY_DEFAULTS = {
  maxAttempts: 8,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 20_000,
  requestTimeoutMs: 10_000,
  deadlineMs: 15 * 60_000,
  concurrency: 4,
} as const;

/** Organizations is a global service served from us-east-1 (cn-northwest-1 in China: set AWS_REGION). */
export const ORGANIZATIONS_REGION = "us-east-1";

export interface ClientSettings {
  /** Overrides the endpoint the SDK would otherwise pick (AWS_ENDPOINT_URL_ORGANIZATIONS, config files). */
  endpoint?: string;
  region?: string;
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  requestTimeoutMs?: number;
  /** Fixed credentials, for tests; otherwise the SDK's default chain (env, SSO, profiles, ...). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Milliseconds to wait before retry number `attempt` (1-based): "full jitter" exponential back-off, so
 * concurrent callers throttled together do not retry together.
 */
export function retryDelay(
  attempt: number,
  baseMs: number,
  maxMs: number = INVENTORY_DEFAULTS.retryMaxDelayMs,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
}

/** An Organizations client whose retries and timeouts suit a long, throttled enumeration. */
export function createOrganizationsClient(settings: ClientSettings = {}): OrganizationsClient {
  const maxAttempts = settings.maxAttempts ?? INVENTORY_DEFAULTS.maxAttempts;
  const baseMs = settings.retryBaseDelayMs ?? INVENTORY_DEFAULTS.retryBaseDelayMs;
  const requestTimeout = settings.requestTimeoutMs ?? INVENTORY_DEFAULTS.requestTimeoutMs;
  return new OrganizationsClient({
    region: settings.region ?? process.env.AWS_REGION ?? ORGANIZATIONS_REGION,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    maxAttempts,
    retryStrategy: new ConfiguredRetryStrategy(maxAttempts, (attempt) => retryDelay(attempt, baseMs)),
    requestHandler: {
      connectionTimeout: requestTimeout,
      requestTimeout,
      socketTimeout: requestTimeout,
      throwOnRequestTimeout: true,
    },
  });
}
