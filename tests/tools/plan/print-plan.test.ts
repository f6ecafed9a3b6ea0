import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fold, formatPlan, PLAN_WIDTH } from "../../../tools/plan/print-plan";
import type { PlanResult } from "../../../tools/plan/run-plan";
import { PLAN_PAGE, samplePlan, withSamplePlan } from "../../../tools/plan/sample-plan";
import { PROJECT_DIR, prodPlan } from "../../support/plan";

describe("the printed plan", function () {
  this.timeout(120_000);
  let plan: PlanResult;
  let text: string;
  before(async () => {
    plan = await prodPlan();
    text = formatPlan(plan);
  });

  it("fits every line in 120 columns, cutting long settings and saying how to see them", () => {
    const lines = text.split("\n");
    assert.deepEqual(
      lines.filter((line) => line.length > PLAN_WIDTH),
      [],
    );
    assert.ok(lines.some((line) => line.endsWith("…")));
    assert.equal(lines.at(-1), "Settings cut with … are printed in full with --details.");
  });

  it("prints long settings in full, folded within 120 columns, with --details", () => {
    const details = formatPlan(plan, { details: true });
    assert.deepEqual(
      details.split("\n").filter((line) => line.length > PLAN_WIDTH || line.endsWith("…")),
      [],
    );
    const filter = plan.resources.find((r) => r.urn.endsWith("::security-monitoring-vpc-changes-filter"));
    const pattern = String(filter?.inputs.pattern);
    assert.ok(pattern.length > PLAN_WIDTH, "the sample needs a pattern longer than a line");
    assert.ok(details.replace(/\n +/g, " ").includes(pattern), "the folded pattern reads back whole");
  });

  it("groups by account and component, and sorts types then names within a group, in aligned columns", () => {
    const groups = text.split("\n\n").filter((block) => block.startsWith("account "));
    assert.ok(groups.length >= 4);
    for (const group of groups) {
      const rows = group.split("\n").filter((line) => /^ {2}\S/.test(line));
      const keys = rows.map((row) => row.trim().split(/\s+/).slice(0, 2).join(" "));
      assert.deepEqual(
        keys,
        [...keys].sort((a, b) => a.localeCompare(b)),
        group.split("\n")[0],
      );
      const nameColumn = new Set(rows.map((row) => row.search(/(?<=^ {2}\S+ +)\S/)));
      assert.equal(nameColumn.size, 1, `names aligned in ${group.split("\n")[0]}`);
    }
  });

  it("gives one count, the one `pulumi preview` shows as to create, and its parts add up", () => {
    const line = text
      .split("\n")
      .find((l) => / resources to create, as `pulumi preview` counts them/.test(l));
    const [total, aws, providers, components, stacks] = (line?.match(/\d+/g) ?? []).map(Number);
    assert.equal(total, plan.resources.length);
    assert.equal(aws + providers + components + stacks, total);
    assert.equal(stacks, 1);
  });

  it("names the organization snapshot relative to the project, folding the heading within the width", () => {
    assert.match(
      text,
      /^Offline plan of stack "prod" for organization o-\w+ from the SAMPLE organization shipped in\n {2}lib\/organization\/sample-organization\.json, not yours\.\n/,
    );
  });

  it("folds text at spaces within the width", () => {
    assert.deepEqual(fold("aaa bbb ccc", "  ", 9), ["  aaa bbb", "  ccc"]);
    assert.deepEqual(fold("abcdefghij", "", 4), ["abcd", "efgh", "ij"]);
  });

  it("is the sample in docs/plan.md (run `npm run docs:generate` after changing the plan)", async () => {
    const page = readFileSync(PLAN_PAGE(PROJECT_DIR), "utf8");
    assert.equal(page, withSamplePlan(page, await samplePlan(PROJECT_DIR)));
    assert.ok(path.isAbsolute(PLAN_PAGE(PROJECT_DIR)));
  });
});
