import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { PROJECT_DIR } from "../support/plan";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  strategy?: { matrix?: { node?: number[] } };
  steps: Step[];
}
interface Workflow {
  env: Record<string, string>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const FILE = path.join(PROJECT_DIR, ".github/workflows/pull-request.yml");
const text = readFileSync(FILE, "utf8");
const workflow = parse(text) as Workflow;
const DOC = readFileSync(path.join(PROJECT_DIR, "docs/pull-request-workflow.md"), "utf8");

function step(job: string, uses: RegExp): Step {
  const found = workflow.jobs[job].steps.find((s) => s.uses !== undefined && uses.test(s.uses));
  assert.ok(found, `job ${job} has no step using ${uses}`);
  return found;
}

// pulumi/actions README ("Configuration"): command, stack-name (fully qualified outside an individual
// account), comment-on-pr, policyPacks and policyPackConfigs are the action's inputs.
describe(".github/workflows/pull-request.yml", () => {
  it("previews with pulumi/actions' own inputs, and comments on the pull request", () => {
    const preview = step("preview", /^pulumi\/actions@v\d+$/);
    assert.equal(preview.with?.command, "preview");
    assert.equal(preview.with?.["stack-name"], "${{ env.PULUMI_STACK }}");
    assert.equal(preview.with?.["comment-on-pr"], true);
    assert.equal(preview.with?.policyPacks, "policy-pack");
    assert.equal(workflow.jobs.preview.permissions?.["pull-requests"], "write");
    assert.equal(workflow.jobs.preview.permissions?.["id-token"], "write");
    assert.equal(workflow.permissions.contents, "read", "every other job reads only");
  });

  it("gives the credential-free plan and the preview the same policy config", () => {
    const preview = step("preview", /^pulumi\/actions@/);
    assert.equal(preview.with?.policyPackConfigs, "${{ env.POLICY_PACK_CONFIG }}");
    const plan = workflow.jobs.plan.steps.find((s) => s.run?.includes("npm run plan"));
    assert.match(plan?.run ?? "", /--policy-config "\$POLICY_PACK_CONFIG"/);
    const fallback = /\|\| '([^']+)'/.exec(workflow.env.POLICY_PACK_CONFIG)?.[1];
    assert.ok(fallback && existsSync(path.join(PROJECT_DIR, fallback)), `${fallback} exists`);
  });

  it("tests on every Node.js the project supports", () => {
    assert.deepEqual(workflow.jobs.test.strategy?.matrix?.node, [20, 22, 24]);
  });

  it("has every secret and variable it reads documented in docs/pull-request-workflow.md", () => {
    const names = new Set([...text.matchAll(/\b(?:secrets|vars)\.([A-Z_]+)/g)].map((m) => m[1]));
    assert.ok(names.size >= 8, [...names].join(", "));
    for (const name of names) assert.ok(DOC.includes(`\`${name}\``), `${name} is not in the doc`);
  });
});
