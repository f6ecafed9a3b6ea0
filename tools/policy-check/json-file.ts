import { readFile, stat } from "node:fs/promises";
import { parseJsonDocument } from "../../lib/json/parse-document";
import { PolicyCheckInputError } from "./errors";

/**
 * The parsed JSON content of `path`; unreadable or non-JSON files become one-line input errors. A file holding
 * only whitespace yields `whenEmpty` when one is given.
 */
/** Larger than any real state export or policy config: refused before it is read. */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

export async function readJsonFile(path: string, what: string, whenEmpty?: unknown): Promise<unknown> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_JSON_FILE_BYTES) {
      throw new PolicyCheckInputError([
        `${path}: the ${what} is ${size} bytes, more than the ${MAX_JSON_FILE_BYTES} this check reads; is it the right file?`,
      ]);
    }
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof PolicyCheckInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new PolicyCheckInputError([`${path}: cannot read the ${what} (${code}); check the path`]);
  }
  if (whenEmpty !== undefined && text.trim() === "") return whenEmpty;
  const parsed = parseJsonDocument(text);
  if (!parsed.ok)
    throw new PolicyCheckInputError([`${path}: the ${what} is ${parsed.problem}; fix the file`]);
  return parsed.value;
}
