import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { loadPackProject } from "../../../tools/policy-check/pack-project";
import { precompilePack } from "../../../tools/policy-check/precompile";

const PACKS = resolve(__dirname, "../../fixtures/policy-packs");
const CACHE = resolve(__dirname, "../../../node_modules/.cache/org-governance-policy-check");

describe("precompilePack", () => {
  it("compiles a TypeScript pack into the node_modules cache and gives the runner the compiled entry", async () => {
    const project = await loadPackProject(join(PACKS, "minimal"));
    const first = precompilePack(project);
    assert.equal(first.kind, "precompiled");
    assert.ok(first.program.startsWith(CACHE + sep), first.program);
    assert.ok(first.program.endsWith(`${sep}index.js`), first.program);
    const javascript = readFileSync(first.program, "utf8");
    assert.match(javascript, /new policy_1\.PolicyPack\("org-governance-fixture"/);
    assert.doesNotMatch(javascript, /: ResourceValidationPolicy/);
    assert.match(javascript, /\/\/# sourceMappingURL=data:application\/json/);
  });

  it("reuses the compiled pack while the sources are unchanged", async () => {
    const project = await loadPackProject(join(PACKS, "minimal"));
    const first = precompilePack(project);
    const second = precompilePack(project);
    assert.equal(second.kind, "precompiled");
    assert.equal(second.fromCache, true);
    assert.equal(second.program, first.kind === "precompiled" ? first.program : "");
  });

  it("leaves a pack that reads files beside its source to run from source", async () => {
    const outcome = precompilePack(await loadPackProject(join(PACKS, "reads-own-directory")));
    assert.equal(outcome.kind, "source");
    assert.match(outcome.reason, /reads-own-directory\/index\.ts depends on its own location/);
  });

  it("leaves a JavaScript pack alone: the runner loads it as the CLI would", () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-check-js-pack-"));
    writeFileSync(join(dir, "index.js"), "");
    const outcome = precompilePack({ dir, runner: "", runtimeArgs: [] });
    assert.deepEqual(outcome, { kind: "source", reason: `${join(dir, "index.js")} is JavaScript already` });
    assert.equal(existsSync(join(dir, "node_modules")), false);
  });
});
