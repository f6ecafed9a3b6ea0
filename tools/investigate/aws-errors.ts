import { EngineError } from "./engine";

/** One line saying what went wrong and how to fix it, for the SDK's errors (credentials, access, throttling). */
export function describeAwsError(service: string, error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const name = (error as { name?: string })?.name ?? "Error";
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (name === "CredentialsProviderError" || /credential/i.test(message)) {
    return new EngineError(
      `${service}: no AWS credentials (${message}); set AWS_PROFILE or sign in (aws sso login) and retry`,
    );
  }
  if (/AccessDenied|UnauthorizedOperation|not authorized/i.test(`${name} ${message}`)) {
    return new EngineError(
      `${service}: access denied (${message}); assume the investigation reader role the program creates`,
    );
  }
  return new EngineError(`${service}: ${name}: ${message}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
