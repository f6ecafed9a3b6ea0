import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { SAMPLE_ORGANIZATION_PATH } from "../../../lib/organization/source";
import { chooseSnapshot, COMMITTED_SNAPSHOT } from "../../../tools/plan/snapshot-choice";

describe("chooseSnapshot: the organization an offline plan uses", () => {
  let project: string;
  beforeEach(() => {
    project = mkdtempSync(path.join(tmpdir(), "snapshot-choice-"));
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  const commit = () => writeFileSync(path.join(project, COMMITTED_SNAPSHOT), "{}");

  it("takes --org-snapshot first, even over the stack's file and a committed one", () => {
    commit();
    const choice = chooseSnapshot(project, "other.json", "stack.json");
    assert.deepEqual(
      [choice.file, choice.origin, choice.description],
      [path.join(project, "other.json"), "--org-snapshot", "from other.json (--org-snapshot)"],
    );
  });

  it("then the stack's organization.snapshotFile, relative to the project", () => {
    commit();
    const choice = chooseSnapshot(project, undefined, "snapshots/prod.json");
    assert.equal(choice.file, path.join(project, "snapshots/prod.json"));
    assert.equal(choice.description, "from snapshots/prod.json (org-governance:organization.snapshotFile)");
  });

  it("then organization.snapshot.json committed at the project root", () => {
    commit();
    const choice = chooseSnapshot(project, undefined, undefined);
    assert.equal(choice.file, path.join(project, COMMITTED_SNAPSHOT));
    assert.equal(choice.description, "from organization.snapshot.json (found at the project root)");
  });

  it("and only then the shipped sample, saying it is not the user's organization", () => {
    const choice = chooseSnapshot(project, undefined, undefined);
    assert.equal(choice.file, SAMPLE_ORGANIZATION_PATH);
    assert.equal(choice.origin, "sample");
    assert.match(
      choice.description,
      /^from the SAMPLE organization shipped in .*sample-organization\.json, not yours$/,
    );
  });
});
