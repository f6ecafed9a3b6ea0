import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SnapshotError } from "../../../lib/organization/snapshot";
import { validateStackConfig } from "../../../lib/config/validate";
import { governanceContext } from "../../../lib/governance";
import {
  InventoryModule,
  loadInventory,
  loadOrganization,
  readSnapshotFile,
  SAMPLE_ORGANIZATION_PATH,
} from "../../../lib/organization/source";
import {
  generateOrganization,
  startOrganizationsEndpoint,
  useTestCredentialsInEnvironment,
} from "../../support/organizations-endpoint";
import { rawConfig } from "../../support/raw-config";
import { buildSnapshot, withValueAt } from "../../support/snapshot-builder";

function snapshotErrorOf(file: string): SnapshotError {
  try {
    readSnapshotFile(file);
  } catch (error) {
    assert.ok(error instanceof SnapshotError, `expected a SnapshotError, got ${String(error)}`);
    assert.equal(error.source, file);
    assert.ok(!error.message.includes("\n"), error.message);
    return error;
  }
  assert.fail(`${file} was read as a valid snapshot`);
}

describe("readSnapshotFile", () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "org-governance-snapshot-"));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the sample organization", () => {
    const sample = readSnapshotFile(SAMPLE_ORGANIZATION_PATH);
    assert.equal(sample.organization.managementAccountId, "111122223333");
    assert.ok(sample.accounts.length >= 5);
  });

  it("reads and validates a snapshot file", () => {
    const snapshot = buildSnapshot({ name: "Log Archive" });
    assert.deepEqual(readSnapshotFile(write("org.json", JSON.stringify(snapshot))), snapshot);
  });

  it("names the file, the reason and the fix when the file cannot be read", () => {
    const missing = path.join(dir, "missing.json");
    assert.equal(
      snapshotErrorOf(missing).message,
      `${missing}: cannot read the organization snapshot (ENOENT); check org-governance:organization.snapshotFile or --org-snapshot, or write one with \`npm run inventory\``,
    );
    assert.match(snapshotErrorOf(dir).message, /: cannot read the organization snapshot \(EISDIR\); /);
  });

  it("names the file when it is not JSON", () => {
    const file = write("broken.json", '{ "organization": ');
    assert.match(
      snapshotErrorOf(file).message,
      new RegExp(`^${escapeRegExp(file)}: not valid JSON \\(.+\\)$`),
    );
  });

  it("names the file and the path inside it when the snapshot is malformed", () => {
    const file = write(
      "bad-state.json",
      JSON.stringify(
        withValueAt(buildSnapshot({ name: "A" }, { name: "B" }), ["accounts", 2, "state"], "GONE"),
      ),
    );
    assert.equal(
      snapshotErrorOf(file).message,
      `${file}: accounts[2].state: expected one of "ACTIVE"|"SUSPENDED"|"PENDING_CLOSURE"|"CLOSED" (got "GONE")`,
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("loadInventory", () => {
  it("loads the live inventory, whose module fits the interface the program relies on", async () => {
    const loaded = loadInventory();
    // Compile-time check: the real module is assignable to the interface `loadInventory` promises.
    const real: InventoryModule = await import("../../../lib/organization/inventory");
    assert.equal(loaded.enumerateOrganization, real.enumerateOrganization);
  });
});

describe("loadOrganization without a snapshot file", () => {
  it("reads the live organization through the standard AWS chain, and the program resolves accounts from it", async () => {
    const generated = generateOrganization({ accounts: 30, ous: 4, depth: 2, seed: 21 });
    const endpoint = await startOrganizationsEndpoint({ organization: generated });
    const restore = useTestCredentialsInEnvironment({ AWS_ENDPOINT_URL_ORGANIZATIONS: endpoint.url });
    try {
      const organization = await loadOrganization({});
      assert.deepEqual(
        organization.accounts.map((a) => a.id).sort(),
        generated.accounts.map((a) => a.id).sort(),
      );
      const member = generated.accounts.find(
        (a) => a.state === "ACTIVE" && a.id !== generated.organization.managementAccountId,
      )!;
      const config = validateStackConfig(rawConfig({ logArchive: { account: member.email } }));
      const context = governanceContext(config, organization);
      assert.equal(context.archive?.account.id, member.id);
      assert.equal(context.organizationId, generated.organization.id);
    } finally {
      restore();
      await endpoint.close();
    }
  });
});
