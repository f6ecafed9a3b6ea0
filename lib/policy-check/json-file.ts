import { readFile } from "node:fs/promises";
import { PolicyCheckInputError } from "./errors";

/**
 * The parsed JSON content of `path`; unreadable or non-JSON files become one-line input errors. A file holding
 * only whitespace yields `whenEmpty` when one is given.
 */
export async function readJsonFile(path: string, what: string, whenEmpty?: unknown): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new PolicyCheckInputError([`${path}: cannot read the ${what} (${code}); check the path`]);
  }
  if (whenEmpty !== undefined && text.trim() === "") return whenEmpty;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolicyCheckInputError([
      `${path}: the ${what} is not valid JSON (${(error as Error).message}); fix the syntax`,
    ]);
  }
}
