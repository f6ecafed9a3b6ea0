import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSnapshotAtomically } from "../../../../lib/organization/inventory/write-snapshot";
import { parseSnapshotText } from "../../../../lib/organization/snapshot";
import { generateOrganization } from "../../../support/organizations-endpoint";

describe("writeSnapshotAtomically", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "inventory-write-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("replaces the file with the snapshot as readable JSON and leaves no temporary file", async () => {
    const path = join(dir, "organization.snapshot.json");
    writeFileSync(path, "old");
    const snapshot = generateOrganization({ accounts: 5, ous: 1, depth: 1, seed: 1 });
    await writeSnapshotAtomically(path, snapshot);
    assert.deepEqual(parseSnapshotText(readFileSync(path, "utf8"), path), snapshot);
    assert.deepEqual(readdirSync(dir), ["organization.snapshot.json"]);
  });

  it("fails without leaving anything behind when the target cannot be replaced", async () => {
    const path = join(dir, "a-directory");
    writeFileSync(join(dir, "keep"), "");
    mkdirSync(join(path, "inside"), { recursive: true });
    await assert.rejects(
      writeSnapshotAtomically(path, generateOrganization({ accounts: 1, ous: 0, depth: 0, seed: 1 })),
    );
    assert.deepEqual(readdirSync(dir).sort(), ["a-directory", "keep"]);
  });
});
