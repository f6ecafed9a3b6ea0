import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { CommandIO } from "../../../tools/cli/io";
import { controlsTableMarkdown } from "../../../lib/controls";
import { main } from "../../../tools/docs-controls/command";
import { replaceControlsTable } from "../../../tools/docs-controls/replace-table";

const STALE = [
  "| Control | Set | CIS v1.4 | CIS v3.0 | Security Hub | What trips it |",
  "| --- | --- | --- | --- | --- | --- |",
  "| `root-account-usage` | cis | 4.3 | 4.3 | CloudWatch.1 | old text |",
].join("\n");
const DOC = `# Monitoring controls\n\nIntro.\n\n${STALE}\n\nAfter the table.\n`;

function capture(): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, isTTY: false, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

describe("replaceControlsTable", () => {
  it("replaces the table under the controls header and keeps the text around it", () => {
    const updated = replaceControlsTable(DOC, controlsTableMarkdown())!;
    assert.ok(updated.startsWith("# Monitoring controls\n\nIntro.\n\n| Control "));
    assert.ok(updated.endsWith("\n\nAfter the table.\n"));
    assert.ok(updated.includes(controlsTableMarkdown()));
    assert.ok(!updated.includes("old text"));
  });

  it("finds no table in a file without one", () => {
    assert.equal(replaceControlsTable("# Nothing here\n", controlsTableMarkdown()), undefined);
  });
});

describe("npm run docs:controls", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "docs-controls-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("rewrites the table of the file it is given, then finds it up to date", async () => {
    writeFileSync(path.join(dir, "controls.md"), DOC);
    const io = capture();
    assert.equal(await main(["controls.md"], io, dir), 0);
    assert.deepEqual(io.out, ["controls.md: rewrote the controls table from lib/controls"]);
    assert.ok(readFileSync(path.join(dir, "controls.md"), "utf8").includes(controlsTableMarkdown()));
    assert.equal(await main(["controls.md", "--check"], io, dir), 0);
  });

  it("defaults to docs/monitoring-controls.md, and with --check exits 1 on a stale table without writing", async () => {
    mkdirSync(path.join(dir, "docs"));
    const file = path.join(dir, "docs", "monitoring-controls.md");
    writeFileSync(file, DOC);
    const io = capture();
    assert.equal(await main(["--check"], io, dir), 1);
    assert.deepEqual(io.err, [
      "docs/monitoring-controls.md: the controls table is out of date; run npm run docs:controls",
    ]);
    assert.equal(readFileSync(file, "utf8"), DOC);
  });

  it("refuses a file without a controls table, in one line", async () => {
    writeFileSync(path.join(dir, "empty.md"), "# Empty\n");
    await assert.rejects(main(["empty.md"], capture(), dir), /empty\.md: no controls table/);
  });

  it("suggests the flag meant, and exits 2", async () => {
    const io = capture();
    assert.equal(await main(["--chek"], io, dir), 2);
    assert.match(io.err.join("\n"), /unknown option '--chek'\n\(Did you mean --check\?\)/);
  });
});
