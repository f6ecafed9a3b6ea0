/**
 * JSON documents from users' files: one-line syntax errors with line and column, and a nesting limit,
 * so no later step (error messages, protobuf, property conversion) can overflow the stack on a hostile file.
 */

/** Far beyond any snapshot, state export or policy config, far below what recursion can handle. */
export const MAX_JSON_DEPTH = 256;

export type ParsedDocument = { ok: true; value: unknown } | { ok: false; problem: string };

/** Parses `text`; a failure is one line: where, and what V8 found. */
export function parseJsonDocument(text: string): ParsedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${syntaxProblem((error as Error).message, text)})` };
  }
  if (nestingExceeds(value, MAX_JSON_DEPTH)) {
    return { ok: false, problem: `nested deeper than ${MAX_JSON_DEPTH} levels` };
  }
  return { ok: true, value };
}

/**
 * V8's message quotes a snippet of the file, line breaks included; keep its first clause and say where,
 * as line and column, which is what an editor shows.
 */
function syntaxProblem(message: string, text: string): string {
  const reason = message
    .split(/, "|\n/)[0]
    .replace(/\s+in JSON at position \d+.*$/, "")
    .trim();
  const position = /at position (\d+)/.exec(message);
  if (!position) return reason;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `${reason} at line ${line}, column ${column}`;
}

/** Whether `value` nests arrays or objects deeper than `limit`; iterative, so it cannot overflow itself. */
export function nestingExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}
