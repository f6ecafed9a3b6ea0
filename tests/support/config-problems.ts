import assert from "node:assert/strict";
import { ConfigError } from "../../lib/config/validate";

/** The one-line problems `run` is refused with; fails unless it throws a ConfigError. */
export function configProblemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    for (const line of error.problems) assert.doesNotMatch(line, /\n/);
    return error.problems;
  }
  assert.fail("expected a ConfigError");
}
