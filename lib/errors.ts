import * as pulumi from "@pulumi/pulumi";

/**
 * Errors that are the user's to fix (bad config, a bad snapshot, an unreachable organization). Pulumi
 * prints a `RunError` as its message alone, without a stack trace.
 */
const USER_ERROR_NAMES = new Set([
  "ConfigError",
  "SnapshotError",
  "AccountReferenceError",
  "InventoryError",
  "PreflightError",
]);

export function isUserError(error: unknown): error is Error {
  return error instanceof Error && USER_ERROR_NAMES.has(error.name);
}

/** Runs the program body, turning user errors into `RunError`s. */
export async function reportingUserErrors<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (isUserError(error)) throw new pulumi.RunError(error.message);
    throw error;
  }
}
