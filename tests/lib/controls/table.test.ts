import assert from "node:assert/strict";
import { CONTROLS, controlsTableMarkdown, type MonitoringControl } from "../../../lib/controls";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { holdsControlsTable } from "../../../tools/docs-controls/replace-table";

/** The trimmed cells of one Markdown table row. */
const cells = (line: string) =>
  line
    .slice(2, -2)
    .split(/ (?<!\\)\| /)
    .map((c) => c.trim());

describe("controlsTableMarkdown", () => {
  const lines = controlsTableMarkdown().trimEnd().split("\n");
  const row = (id: string) => cells(lines.find((l) => l.startsWith(`| \`${id}\``)) ?? "");

  it("renders a header, a rule and one row per control, all lines padded to one width", () => {
    assert.deepEqual(cells(lines[0]), [
      "Control",
      "Set",
      "CIS v1.4",
      "CIS v3.0",
      "Security Hub",
      "What trips it",
    ]);
    assert.ok(
      cells(lines[1]).every((c) => /^-+$/.test(c)),
      lines[1],
    );
    assert.equal(lines.length, CONTROLS.length + 2);
    assert.equal(new Set(lines.map((l) => l.length)).size, 1);
  });

  it("fills the numbering columns, with a dash where a control has none", () => {
    assert.deepEqual(cells(lines[2]).slice(0, 5), [
      "`unauthorized-api-calls`",
      "cis",
      "4.1",
      "4.1",
      "CloudWatch.2",
    ]);
    assert.deepEqual(row("organizations-changes").slice(1, 5), ["cis", "4.15", "4.15", "–"]);
    assert.deepEqual(row("vpc-flow-log-deletion").slice(1, 5), ["extended", "–", "–", "–"]);
  });

  it("escapes pipes so a cell cannot split the row", () => {
    const control: MonitoringControl = { ...CONTROLS[0], trigger: "a | b" };
    const line = controlsTableMarkdown([control]).trimEnd().split("\n")[2];
    assert.match(line, /\| a \\\| b +\|$/);
    assert.equal(cells(line).length, 6);
  });
});

describe("the docs' controls table", () => {
  it("is the catalog's table, so the docs cannot drift from the catalog", () => {
    const root = join(__dirname, "..", "..", "..");
    const docs = ["README.md", ...readdirSync(join(root, "docs")).map((name) => join("docs", name))];
    const holders = docs.filter((file) => holdsControlsTable(readFileSync(join(root, file), "utf8")));
    assert.ok(holders.length > 0, "no doc holds the controls table");
    for (const file of holders) {
      assert.ok(
        readFileSync(join(root, file), "utf8").includes(controlsTableMarkdown()),
        `regenerate the table with npm run docs:controls -- ${file}`,
      );
    }
  });
});
