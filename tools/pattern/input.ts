import { PassThrough, pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** Whole-document inputs (and any single line) above this are refused rather than read into memory. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;

/** An input that cannot be read as CloudTrail records; `message` is one line starting with the source. */
export class InputError extends Error {
  constructor(
    readonly source: string,
    problem: string,
  ) {
    super(`${source}: ${problem}`);
    this.name = "InputError";
  }
}

interface Line {
  text: string;
  bytes: number;
  number: number;
}

function toBuffer(chunk: unknown): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
}

/** The chunks of `input`, gunzipped when the first two bytes are the gzip magic number. */
async function* decompressed(input: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  const iterator = input[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let ended = false;
  async function* everything(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    while (!ended) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  try {
    while (head.length < 2 && !ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else head = Buffer.concat([head, toBuffer(next.value)]);
    }
    if (head[0] !== 0x1f || head[1] !== 0x8b) {
      yield* everything();
      return;
    }
    // pipeline() destroys every stage with the first error, so a read error surfaces here as well.
    const output = new PassThrough();
    pipeline(Readable.from(everything()), createGunzip(), output, () => undefined);
    for await (const chunk of output) yield chunk as Buffer;
  } finally {
    // Stopping early (bad data, or the caller gave up) must still release the file.
    await iterator.return?.();
  }
}

async function* splitLines(
  chunks: AsyncIterable<Buffer>,
  source: string,
  maxBytes: number,
): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  const tooLong = () =>
    new InputError(
      source,
      `line ${number + 1} is longer than ${formatBytes(maxBytes)}; is this really JSON?`,
    );
  for await (const chunk of chunks) {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a, start); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, newline);
      if (pendingBytes + piece.length > maxBytes) throw tooLong();
      const bytes = pendingBytes + piece.length;
      const text = (pending.length === 0 ? piece : Buffer.concat([...pending, piece])).toString("utf8");
      number++;
      yield { text, bytes, number };
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxBytes) throw tooLong();
    }
  }
  if (pendingBytes > 0)
    yield { text: Buffer.concat(pending).toString("utf8"), bytes: pendingBytes, number: number + 1 };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A CloudTrail log file's `Records`, or undefined when `value` is not shaped like one. */
function cloudTrailFileRecords(value: Record<string, unknown>): unknown[] | undefined {
  return Array.isArray(value.Records) ? value.Records : undefined;
}

/** JSON.parse's complaint on one line, placed by line and column when V8 reports a position. */
function jsonProblem(error: unknown, text: string): string {
  const message = (error as Error).message.replace(/\s+/g, " ");
  const position = / in JSON at position (\d+)/.exec(message);
  if (position === null) return `not valid JSON (${message})`;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `not valid JSON at line ${line} column ${column} (${message.replace(position[0], "")})`;
}

function* recordsOf(value: unknown, source: string, where: string): Generator<Record<string, unknown>> {
  const items = Array.isArray(value)
    ? value
    : isRecordObject(value)
      ? (cloudTrailFileRecords(value) ?? [value])
      : null;
  if (items === null) {
    throw new InputError(
      source,
      `${where}expected a CloudTrail log file ({"Records": [...]}), a JSON array of records or JSON Lines, got ${kindOf(value)}`,
    );
  }
  for (let i = 0; i < items.length; i++) {
    if (!isRecordObject(items[i])) {
      throw new InputError(source, `${where}record ${i + 1} is ${kindOf(items[i])}, expected a JSON object`);
    }
    yield items[i];
  }
}

/**
 * The CloudTrail records in `input`: a CloudTrail log file (`{"Records": [...]}`), a JSON array, or JSON
 * Lines (one record, or one CloudTrail log file, per line), optionally gzipped. JSON Lines are streamed;
 * the other forms are parsed whole and so are refused above `maxDocumentBytes`.
 */
export async function* readRecords(
  input: AsyncIterable<unknown>,
  source: string,
  maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES,
): AsyncGenerator<Record<string, unknown>> {
  let mode: "unknown" | "lines" | "document" | "array" = "unknown";
  const documentLines: string[] = [];
  let documentBytes = 0;
  try {
    for await (const line of splitLines(decompressed(input), source, maxDocumentBytes)) {
      const text = line.number === 1 ? line.text.replace(/^\uFEFF/, "") : line.text;
      if (mode === "document") {
        documentBytes += line.bytes + 1;
        if (documentBytes > maxDocumentBytes) {
          throw new InputError(
            source,
            `larger than ${formatBytes(maxDocumentBytes)} as one JSON document; convert it to JSON Lines to stream it`,
          );
        }
        documentLines.push(text);
        continue;
      }
      const trimmed = text.trim();
      if (trimmed === "") continue;
      if (mode === "array")
        throw new InputError(source, `line ${line.number}: unexpected data after the JSON array`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(trimmed);
      } catch (error) {
        if (mode === "lines")
          throw new InputError(source, `line ${line.number}: ${jsonProblem(error, trimmed)}`);
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
          throw new InputError(
            source,
            `not JSON: line ${line.number} starts with ${JSON.stringify(trimmed[0])}`,
          );
        }
        // A first line that is not complete JSON on its own opens a pretty-printed document.
        mode = "document";
        documentBytes = line.bytes + 1;
        documentLines.push(text);
        continue;
      }
      if (mode === "unknown" && Array.isArray(parsed)) {
        yield* recordsOf(parsed, source, "");
        mode = "array";
        continue;
      }
      mode = "lines";
      yield* recordsOf(parsed, source, `line ${line.number}: `);
    }
  } catch (error) {
    throw asInputError(error, source);
  }
  if (mode !== "document" || documentLines.length === 0) return;
  const text = documentLines.join("\n");
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InputError(source, jsonProblem(error, text));
  }
  yield* recordsOf(document, source, "");
}

const FS_PROBLEMS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a directory, expected a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

function asInputError(error: unknown, source: string): InputError {
  if (error instanceof InputError) return error;
  const { code, message } = error as NodeJS.ErrnoException;
  if (typeof code === "string" && code.startsWith("Z_"))
    return new InputError(source, `not valid gzip (${message})`);
  if (typeof code === "string" && code in FS_PROBLEMS) return new InputError(source, FS_PROBLEMS[code]);
  return new InputError(source, `cannot read (${message})`);
}
