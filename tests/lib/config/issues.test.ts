import assert from "node:assert/strict";
import { z } from "zod";
import { describeValue, formatIssues, formatPath, valueAt } from "../../../lib/config/issues";

/** The lines `formatIssues` gives for `value` against `schema`. */
function linesFor(schema: z.ZodType, value: unknown, prefix = ""): string[] {
  const result = schema.safeParse(value);
  assert.ok(!result.success, "the value was expected to fail the schema");
  return formatIssues(result.error.issues, value, prefix);
}

describe("formatPath", () => {
  it("writes object keys with dots and array positions in brackets", () => {
    assert.equal(formatPath(["accounts", 3, "state"]), "accounts[3].state");
    assert.equal(formatPath(["matrix", 0, 1]), "matrix[0][1]");
    assert.equal(formatPath([2, "id"]), "[2].id");
  });

  it("appends to a prefix, without a dot after a namespace colon", () => {
    assert.equal(
      formatPath(["logArchive", "account"], "org-governance:"),
      "org-governance:logArchive.account",
    );
    assert.equal(formatPath(["insights", 1], "org-governance:trail"), "org-governance:trail.insights[1]");
  });

  it("names the top level when there is no path and no prefix", () => {
    assert.equal(formatPath([]), "(top level)");
    assert.equal(formatPath([], "file.json"), "file.json");
  });
});

describe("valueAt", () => {
  const document = { accounts: [{ id: "1", tags: { owner: "sec" } }, null], n: 0 };

  it("follows keys and positions", () => {
    assert.equal(valueAt(document, ["accounts", 0, "tags", "owner"]), "sec");
    assert.equal(valueAt(document, ["n"]), 0);
    assert.equal(valueAt(document, []), document);
  });

  it("returns undefined once the path leaves the document", () => {
    assert.equal(valueAt(document, ["accounts", 5, "id"]), undefined);
    assert.equal(valueAt(document, ["accounts", 1, "id"]), undefined);
    assert.equal(valueAt(document, ["n", "deeper"]), undefined);
    assert.equal(valueAt(undefined, ["a"]), undefined);
  });
});

describe("describeValue", () => {
  it("renders values as JSON, and absence as nothing", () => {
    assert.equal(describeValue("STRICT"), '"STRICT"');
    assert.equal(describeValue(29), "29");
    assert.equal(describeValue(null), "null");
    assert.equal(describeValue({ days: 1, years: 2 }), '{"days":1,"years":2}');
    assert.equal(describeValue(undefined), "nothing");
  });

  it("keeps line breaks inside a value on one line", () => {
    assert.equal(describeValue("a\nb\r\nc"), '"a\\nb\\r\\nc"');
  });

  it("cuts long values to 60 characters", () => {
    const text = describeValue("x".repeat(500));
    assert.equal(text.length, 60);
    assert.equal(text, `"${"x".repeat(56)}...`);
    assert.equal(describeValue("y".repeat(58)), `"${"y".repeat(58)}"`);
  });

  it("names what JSON cannot render, without recursing into it", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    assert.equal(describeValue(circular), "an object");
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.equal(describeValue(deep), "an array");
    assert.equal(describeValue(10n), "10");
    assert.equal(describeValue(Symbol("s")), "Symbol(s)");
  });
});

describe("formatIssues", () => {
  it("reports each unknown key by its full path", () => {
    const schema = z.strictObject({ trail: z.strictObject({ name: z.string().optional() }) });
    assert.deepEqual(linesFor(schema, { trail: { nmae: "t", nam: "u" }, trial: {} }, "ns:"), [
      "ns:trail.nmae: unknown key; remove it or fix its spelling",
      "ns:trail.nam: unknown key; remove it or fix its spelling",
      "ns:trial: unknown key; remove it or fix its spelling",
    ]);
  });

  it("turns a custom message that describes the value into an expectation", () => {
    const schema = z.object({ days: z.number().positive("a positive number of days") });
    assert.deepEqual(linesFor(schema, { days: -1 }), ["days: expected a positive number of days (got -1)"]);
  });

  it("keeps a custom message that is a sentence of its own", () => {
    const schema = z.object({ ids: z.array(z.string()).refine(() => false, "duplicate account id") });
    assert.deepEqual(linesFor(schema, { ids: ["1"] }), ['ids: duplicate account id (got ["1"])']);
  });

  it("strips zod's Invalid and Too small prefixes from its own messages", () => {
    const schema = z.object({ mode: z.enum(["A", "B"]), list: z.array(z.number()).min(1), n: z.number() });
    assert.deepEqual(linesFor(schema, { mode: "C", list: [], n: "1" }), [
      'mode: expected one of "A"|"B" (got "C")',
      "list: expected array to have >=1 items (got [])",
      'n: expected number, received string (got "1")',
    ]);
  });

  it("reports a missing value as nothing", () => {
    assert.deepEqual(linesFor(z.object({ account: z.string() }), {}, "ns:"), [
      "ns:account: expected string, received undefined (got nothing)",
    ]);
  });

  it("reports a failed union at the union's own position", () => {
    const schema = z.object({
      outer: z.object({ controls: z.union([z.enum(["cis", "all"]), z.array(z.string())]) }),
    });
    assert.deepEqual(linesFor(schema, { outer: { controls: "some" } }, "ns:"), [
      'ns:outer.controls: expected one of "cis"|"all" (got "some")',
    ]);
  });

  it("keeps a union's own message when it has one", () => {
    const schema = z.object({
      parentId: z.union([z.literal("r"), z.literal("ou")], { error: "a root or OU id" }),
    });
    assert.deepEqual(linesFor(schema, { parentId: "x" }), ['parentId: expected a root or OU id (got "x")']);
  });

  it("reports a bad record key by the record, with the key as the value", () => {
    const schema = z.object({
      tags: z.record(
        z.string().refine((key) => !key.startsWith("aws:"), "a key that does not start with aws:"),
        z.string(),
      ),
    });
    assert.deepEqual(linesFor(schema, { tags: { "aws:team": "sec", ok: "v" } }, "ns:"), [
      'ns:tags: expected a key that does not start with aws: (got "aws:team")',
    ]);
  });

  it("gives one single-line entry per problem", () => {
    const schema = z.strictObject({ a: z.string(), b: z.array(z.number()) });
    const lines = linesFor(schema, { a: 1, b: ["x\ny", 2, "z"], c: true });
    assert.equal(lines.length, 4);
    for (const line of lines) assert.ok(!line.includes("\n"), line);
  });
});
