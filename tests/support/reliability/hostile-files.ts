import { randomBytes } from "node:crypto";
import { closeSync, openSync, ftruncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Nesting deeper than any call stack: a recursive reader or printer overflows long before the end. */
export const DEEP_NESTING = 100_000;
/** A string value large enough to show up in a process's peak memory, small enough for every test run. */
export const HUGE_STRING_BYTES = 32 * 1024 * 1024;
/** Expands from about 8 KiB to this many bytes of zeros. */
export const GZIP_BOMB_BYTES = 8 * 1024 * 1024;

type Path = readonly (string | number)[];

/** The hostile files every command that reads a file is given, by name. */
export interface HostileFile {
  readonly name: string;
  readonly content: () => Buffer;
}

const SLOT = "\u0000slot\u0000";

/**
 * The JSON of `document` with the value at `path` replaced by raw bytes, which need not be JSON at all
 * (a nesting too deep to build as a value, or bytes that are not UTF-8).
 */
export function jsonWithRawValue(document: unknown, path: Path, raw: string | Buffer): Buffer {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = SLOT;
  const [before, after] = JSON.stringify(copy).split(JSON.stringify(SLOT));
  return Buffer.concat([
    Buffer.from(before),
    typeof raw === "string" ? Buffer.from(raw) : raw,
    Buffer.from(after),
  ]);
}

export const deepArrays = () => "[".repeat(DEEP_NESTING) + "]".repeat(DEEP_NESTING);
const deepObjects = () => '{"a":'.repeat(DEEP_NESTING) + "0" + "}".repeat(DEEP_NESTING);
const hugeString = () => `"${"x".repeat(HUGE_STRING_BYTES)}"`;
const PROTO_KEYS = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';

/**
 * The hostile variants of a valid document: empty, cut, mistyped, nested past any stack, huge, binary,
 * compressed, prototype-polluting, mis-encoded. `field` is a path inside the document where a value
 * of the wrong kind is reported with the value (so printing it is exercised too).
 */
export function hostileFiles(valid: Record<string, unknown>, field: Path): HostileFile[] {
  const text = JSON.stringify(valid, null, 2);
  const file = (name: string, content: () => Buffer | string): HostileFile => ({
    name,
    content: () => {
      const made = content();
      return typeof made === "string" ? Buffer.from(made) : made;
    },
  });
  return [
    file("empty", () => ""),
    file("whitespace only", () => " \n\t\n"),
    file("truncated JSON", () => text.slice(0, Math.floor(text.length / 2))),
    file("a stray character in pretty-printed JSON", () => text.replace(/: /, ": x")),
    file("a top-level array", () => "[1, 2, 3]"),
    file("a top-level string", () => '"text"'),
    file("a top-level number", () => "42"),
    file("a top-level null", () => "null"),
    file(`${DEEP_NESTING} nested arrays`, deepArrays),
    file(`${DEEP_NESTING} nested objects`, deepObjects),
    file(`${DEEP_NESTING} nested arrays in a field`, () => jsonWithRawValue(valid, field, deepArrays())),
    file(`${DEEP_NESTING} nested objects in a field`, () => jsonWithRawValue(valid, field, deepObjects())),
    file("a 32 MiB string in a field", () => jsonWithRawValue(valid, field, hugeString())),
    file("binary garbage", () => randomBytes(64 * 1024)),
    file("gzip of a valid file", () => gzipSync(text)),
    file("gzip bomb", () => gzipSync(Buffer.alloc(GZIP_BOMB_BYTES), { level: 9 })),
    file("__proto__ keys at the top", () => `{${PROTO_KEYS},${JSON.stringify(valid).slice(1)}`),
    file("__proto__ keys in a field", () => jsonWithRawValue(valid, field, `{${PROTO_KEYS}}`)),
    file("non-UTF-8 bytes in a field", () =>
      jsonWithRawValue(valid, field, Buffer.from([0x22, 0x61, 0xff, 0xfe, 0xc3, 0x28, 0x22])),
    ),
    file("UTF-16 with a byte order mark", () => Buffer.from(`\ufeff${text}`, "utf16le")),
  ];
}

/** Writes the file into `dir` and returns its path. */
export function writeHostileFile(dir: string, hostile: HostileFile): string {
  const path = join(dir, `${hostile.name.replace(/[^a-z0-9]+/gi, "-")}.json`);
  writeFileSync(path, hostile.content());
  return path;
}

/** A file of `bytes` zero bytes that takes no disk space: a huge input, cheap to make. */
export function writeSparseFile(path: string, bytes: number): string {
  const fd = openSync(path, "w");
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  return path;
}

/** True while nothing has polluted Object.prototype. */
export function prototypeIsClean(): boolean {
  return !("polluted" in {}) && Object.getPrototypeOf({}) === Object.prototype;
}
