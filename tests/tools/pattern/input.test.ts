import assert from "node:assert/strict";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { apiCall, assumedRole } from "../../../lib/controls/vectors";
import { InputError, readRecords } from "../../../tools/pattern/input";

/** `data` delivered in pieces of `size` bytes, as a pipe or a slow disk would. */
async function* chunked(data: string | Buffer, size = 1 << 16): AsyncGenerator<Buffer> {
  const buffer = typeof data === "string" ? Buffer.from(data) : data;
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function collect(
  data: string | Buffer,
  size?: number,
  max?: number,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const record of readRecords(chunked(data, size), "input.json", max)) out.push(record);
  return out;
}

async function failure(data: string | Buffer, max?: number): Promise<string> {
  try {
    await collect(data, undefined, max);
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.ok(!error.message.includes("\n"), "error spans lines");
    return error.message;
  }
  assert.fail("expected the input to be rejected");
}

const records = () => [
  apiCall("ec2.amazonaws.com", "DescribeInstances"),
  apiCall("iam.amazonaws.com", "CreateUser", { userIdentity: assumedRole() }),
];
const names = (list: Record<string, unknown>[]) => list.map((r) => r.eventName);

describe("readRecords", () => {
  it("reads a CloudTrail log file, compact or pretty-printed", async () => {
    assert.deepEqual(await collect(JSON.stringify({ Records: records() })), records());
    assert.deepEqual(await collect(JSON.stringify({ Records: records() }, null, 2)), records());
  });

  it("reads a JSON array, compact or pretty-printed", async () => {
    assert.deepEqual(await collect(JSON.stringify(records())), records());
    assert.deepEqual(await collect(JSON.stringify(records(), null, 1)), records());
  });

  it("reads JSON Lines with blank lines, CRLF endings and a byte-order mark", async () => {
    const text =
      "\uFEFF" +
      records()
        .map((r) => JSON.stringify(r))
        .join("\r\n\r\n") +
      "\r\n";
    assert.deepEqual(await collect(text), records());
  });

  it("reads JSON Lines whose lines are whole CloudTrail log files", async () => {
    const line = JSON.stringify({ Records: records() });
    assert.deepEqual(names(await collect(`${line}\n${line}\n`)), [
      "DescribeInstances",
      "CreateUser",
      "DescribeInstances",
      "CreateUser",
    ]);
  });

  it("gunzips input that starts with the gzip magic number, even split across chunks", async () => {
    const gz = gzipSync(JSON.stringify({ Records: records() }));
    assert.deepEqual(await collect(gz, 1), records());
    assert.deepEqual(await collect(gzipSync(""), 1), []);
  });

  it("reads an empty input as no records", async () => {
    assert.deepEqual(await collect(""), []);
    assert.deepEqual(await collect("\n  \n"), []);
  });

  it("yields the same records whatever the format, compression and chunking", async () => {
    const record = fc.record(
      {
        eventName: fc.string({ maxLength: 12 }),
        eventSource: fc.constantFrom("ec2.amazonaws.com", "iam.amazonaws.com"),
        note: fc.option(fc.string({ unit: "grapheme", maxLength: 8 })),
      },
      { noNullPrototype: true },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 6 }),
        fc.constantFrom("cloudtrail", "cloudtrail-pretty", "array", "array-pretty", "lines"),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (list, format, gzip, chunkSize) => {
          const text =
            format === "cloudtrail"
              ? JSON.stringify({ Records: list })
              : format === "cloudtrail-pretty"
                ? JSON.stringify({ Records: list }, null, 2)
                : format === "array"
                  ? JSON.stringify(list)
                  : format === "array-pretty"
                    ? JSON.stringify(list, null, 2)
                    : list.map((r) => JSON.stringify(r) + "\n").join("");
          const data = gzip ? gzipSync(text) : Buffer.from(text);
          assert.deepEqual(await collect(data, chunkSize), list);
        },
      ),
      // ORG_GOV_HEAVY=1 widens the sweep; the default keeps `npm test` quick on two cores.
      { numRuns: process.env.ORG_GOV_HEAVY === "1" ? 5000 : 150 },
    );
  });

  describe("rejects bad input with one line naming the source", () => {
    it("a malformed JSON Lines line, by line number", async () => {
      const text = `${JSON.stringify(records()[0])}\n\n{"eventName": }\n`;
      assert.match(await failure(text), /^input\.json: line 3: not valid JSON/);
    });

    it("a malformed document, by line and column", async () => {
      const text = '{\n  "Records": [\n    {"a": 1}\n    {"a": 2}\n  ]\n}';
      assert.equal(
        await failure(text),
        "input.json: not valid JSON at line 4 column 5 (Expected ',' or ']' after array element)",
      );
      // V8 gives no position for some mistakes; the message then quotes the text around it, on one line.
      assert.match(
        await failure('{\n  "Records": [\n    {"a": 1},,\n  ]\n}'),
        /^input\.json: not valid JSON \(Unexpected/,
      );
    });

    it("text that is not JSON", async () => {
      assert.equal(await failure("hello world\n"), 'input.json: not JSON: line 1 starts with "h"');
    });

    it("a document that is not records", async () => {
      assert.match(
        await failure("42"),
        /^input\.json: line 1: expected a CloudTrail log file .* got a number$/,
      );
      assert.equal(
        await failure('[{"a":1}, "x"]'),
        "input.json: record 2 is a string, expected a JSON object",
      );
      assert.equal(
        await failure('{"a":1}\n[3]\n'),
        "input.json: line 2: record 1 is a number, expected a JSON object",
      );
    });

    it("data after a JSON array", async () => {
      assert.equal(
        await failure('[{"a":1}]\n{"b":2}\n'),
        "input.json: line 2: unexpected data after the JSON array",
      );
    });

    it("a document or a line over the size limit", async () => {
      const pretty = JSON.stringify({ Records: records() }, null, 2);
      assert.match(await failure(pretty, 100), /^input\.json: larger than 100 bytes as one JSON document; /);
      const line = JSON.stringify(records()[0]);
      assert.match(await failure(`${line}\n`, 100), /^input\.json: line 1 is longer than 100 bytes/);
      assert.equal((await collect(`${line}\n`, undefined, line.length)).length, 1);
    });

    it("broken gzip", async () => {
      const gz = gzipSync(JSON.stringify({ Records: records() }));
      assert.match(await failure(gz.subarray(0, gz.length - 12)), /^input\.json: not valid gzip \(/);
    });

    it("a missing file or a directory", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "pattern-input-"));
      try {
        const read = async (file: string) => {
          try {
            for await (const _ of readRecords(createReadStream(file), file)) void _;
          } catch (error) {
            return (error as Error).message;
          }
          return "no error";
        };
        assert.equal(
          await read(path.join(dir, "absent.json")),
          `${path.join(dir, "absent.json")}: no such file`,
        );
        assert.equal(await read(dir), `${dir}: is a directory, expected a file`);
      } finally {
        rmSync(dir, { recursive: true });
      }
    });
  });

  it("releases the input when the reader stops early", async () => {
    let released = false;
    const input: AsyncIterable<Buffer> = {
      [Symbol.asyncIterator]() {
        const inner = chunked('{"a":1}\n{"a":2}\n{"a":3}\n', 4);
        return {
          next: () => inner.next(),
          return: async () => {
            released = true;
            return { done: true as const, value: undefined };
          },
        };
      },
    };
    for await (const record of readRecords(input, "early")) {
      assert.deepEqual(record, { a: 1 });
      break;
    }
    assert.equal(released, true);
  });
});
