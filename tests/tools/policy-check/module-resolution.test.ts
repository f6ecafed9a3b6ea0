import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolvePackEntry, resolveRelative } from "../../../tools/policy-check/module-resolution";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "policy-check-resolve-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("resolvePackEntry", () => {
  it("loads index.ts when there is no main, as require(dir) does once ts-node registered .ts", () => {
    const dir = tree({ "index.ts": "", "package.json": "{}" });
    assert.equal(resolvePackEntry(dir), join(dir, "index.ts"));
  });

  it("prefers index.js to index.ts, following Node's extension order", () => {
    const dir = tree({ "index.ts": "", "index.js": "" });
    assert.equal(resolvePackEntry(dir), join(dir, "index.js"));
  });

  it("follows package.json main, with or without its extension", () => {
    const compiled = tree({ "package.json": '{"main": "bin/index.js"}', "bin/index.js": "", "index.ts": "" });
    assert.equal(resolvePackEntry(compiled), join(compiled, "bin/index.js"));
    const source = tree({ "package.json": '{"main": "src/pack"}', "src/pack.ts": "" });
    assert.equal(resolvePackEntry(source), join(source, "src/pack.ts"));
  });

  it("falls back to index when main names nothing", () => {
    const dir = tree({ "package.json": '{"main": "missing.js"}', "index.ts": "" });
    assert.equal(resolvePackEntry(dir), join(dir, "index.ts"));
  });

  it("finds nothing in a directory without an entry", () => {
    assert.equal(resolvePackEntry(tree({ "README.md": "" })), undefined);
  });
});

describe("resolveRelative", () => {
  const dir = tree({ "index.ts": "", "policies/index.ts": "", "lib/read.ts": "", "data.json": "{}" });
  const from = join(dir, "index.ts");

  it("resolves a file by extension and a directory by its index", () => {
    assert.equal(resolveRelative("./lib/read", from), join(dir, "lib/read.ts"));
    assert.equal(resolveRelative("./policies", from), join(dir, "policies/index.ts"));
    assert.equal(resolveRelative("./data.json", from), join(dir, "data.json"));
  });

  it("resolves relative to the importing file", () => {
    assert.equal(resolveRelative("../data", join(dir, "lib/read.ts")), join(dir, "data.json"));
  });

  it("returns undefined for what does not exist", () => {
    assert.equal(resolveRelative("./types", from), undefined);
  });
});
