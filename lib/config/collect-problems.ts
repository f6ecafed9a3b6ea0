import { AccountReferenceError } from "../organization/resolve";
import { ConfigError } from "./validate";

type Results<T extends readonly (() => unknown)[]> = { [K in keyof T]: ReturnType<T[K]> };

/**
 * Runs independent checks of the stack against the organization and reports every problem at once: the
 * results when all pass, else one ConfigError with each check's lines, in order. Other errors propagate.
 */
export function allOrProblems<T extends readonly (() => unknown)[]>(...checks: T): Results<T> {
  const problems: string[] = [];
  const results = checks.map((check) => {
    try {
      return check();
    } catch (error) {
      if (error instanceof ConfigError) problems.push(...error.problems);
      else if (error instanceof AccountReferenceError) problems.push(error.message);
      else throw error;
      return undefined;
    }
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return results as Results<T>;
}
