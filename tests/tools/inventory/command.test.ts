import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrganizationSnapshot } from "../../../lib/organization/snapshot";
import { parseSnapshotText } from "../../../lib/organization/snapshot";
import { main } from "../../../tools/inventory/command";
import {
  generateOrganization,
  startOrganizationsEndpoint,
  useTestCredentialsInEnvironment,
  withoutRunDetails,
  withoutTags,
  type FaultPlan,
  type OrganizationsEndpoint,
} from "../../support/organizations-endpoint";

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command with captured output, as from a terminal when `tty` is set. */
async function inventory(argv: string[], tty = false): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
  });
  return { code, stdout, stderr };
}

function organization(): OrganizationSnapshot {
  return generateOrganization({ accounts: 60, ous: 3, depth: 2, seed: 21, suspended: 2, closed: 1 });
}

describe("inventory CLI", () => {
  let dir: string;
  let out: string;
  let endpoint: OrganizationsEndpoint;
  let restoreEnvironment: () => void;

  async function serve(faults: FaultPlan = {}, org = organization()) {
    endpoint = await startOrganizationsEndpoint({ organization: org, faults });
    return org;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "inventory-cli-"));
    out = join(dir, "organization.snapshot.json");
    restoreEnvironment = useTestCredentialsInEnvironment();
  });

  afterEach(async () => {
    restoreEnvironment();
    await endpoint?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the snapshot and prints the summary, exit 0", async () => {
    const org = await serve();
    const result = await inventory(["--out", out, "--endpoint", endpoint.url]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, "");
    const snapshot = parseSnapshotText(readFileSync(out, "utf8"), out);
    assert.deepEqual(withoutRunDetails(snapshot), withoutRunDetails(withoutTags(org)));
    assert.equal(snapshot.metadata?.calls, endpoint.successfulCalls());

    const lines = result.stdout.trimEnd().split("\n");
    assert.equal(
      lines[0],
      `Organization ${org.organization.id} (management account ${org.organization.managementAccountId}): ` +
        "60 accounts, 3 OUs",
    );
    assert.equal(lines[1], "Accounts by state: ACTIVE 57, SUSPENDED 2, CLOSED 1");
    assert.equal(lines[2], "Accounts by top-level OU:");
    const groupLines = lines.slice(3, lines.indexOf("CloudTrail trusted access: yes"));
    const topLevel = org.organizationalUnits.filter((ou) => ou.parentId === org.roots[0].id);
    assert.equal(groupLines.length, topLevel.length + 1);
    assert.ok(groupLines.some((l) => l.startsWith(`  Root (${org.roots[0].id})`)));
    const counted = groupLines.map((l) => Number(/\)\s+(\d+)\s/.exec(l)?.[1]));
    assert.equal(
      counted.reduce((a, b) => a + b, 0),
      60,
    );
    assert.ok(
      lines.includes(`CloudTrail delegated administrators: ${org.delegatedAdministrators?.[0].accountId}`),
    );
    assert.match(
      lines.at(-1) ?? "",
      new RegExp(`^Snapshot written to ${out} \\(\\d+ calls, 0 retries, \\d+\\.\\d s\\)$`),
    );
  });

  it("prints the summary as JSON with --json", async () => {
    const org = await serve();
    const result = await inventory(["--out", out, "--endpoint", endpoint.url, "--json"]);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.snapshotFile, out);
    assert.equal(summary.accounts, 60);
    assert.deepEqual(summary.byState, { ACTIVE: 57, SUSPENDED: 2, PENDING_CLOSURE: 0, CLOSED: 1 });
    assert.equal(summary.cloudTrailTrustedAccess, true);
    assert.deepEqual(summary.cloudTrailDelegatedAdministrators, [org.delegatedAdministrators?.[0].accountId]);
    assert.equal(summary.inventory.source, "live");
  });

  it("reads tags with --with-tags", async () => {
    const org = await serve();
    assert.equal((await inventory(["--out", out, "--endpoint", endpoint.url, "--with-tags"])).code, 0);
    const snapshot = parseSnapshotText(readFileSync(out, "utf8"), out);
    assert.deepEqual(snapshot.accounts[0].tags, org.accounts[0].tags);
    assert.equal(endpoint.counters.answered.ListTagsForResource, 60 + 2);
  });

  it("says no when CloudTrail has no trusted access", async () => {
    await serve(
      {},
      { ...organization(), trustedServices: ["sso.amazonaws.com"], delegatedAdministrators: [] },
    );
    const result = await inventory(["--out", out, "--endpoint", endpoint.url]);
    assert.match(result.stdout, /^CloudTrail trusted access: no$/m);
    assert.match(result.stdout, /^CloudTrail delegated administrators: none$/m);
  });

  it("exits 1 with one line, no stack trace and no file when the inventory fails", async () => {
    await serve({ accessDenied: "ListOrganizationalUnitsForParent" });
    writeFileSync(out, "previous snapshot");
    const result = await inventory(["--out", out, "--endpoint", endpoint.url]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "");
    assert.match(
      result.stderr,
      /^inventory: ListOrganizationalUnitsForParent\(.+\): access denied .+permissions\n$/,
    );
    assert.equal(readFileSync(out, "utf8"), "previous snapshot");
    assert.deepEqual(readdirSync(dir), ["organization.snapshot.json"]);
  });

  it("exits 1 naming the fix when there are no credentials", async () => {
    await serve();
    restoreEnvironment();
    restoreEnvironment = useTestCredentialsInEnvironment({
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
    });
    const result = await inventory(["--out", out, "--endpoint", endpoint.url]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^inventory: DescribeOrganization: no usable AWS credentials \(.*\); sign in with/,
    );
    assert.equal(existsSync(out), false);
    assert.deepEqual(endpoint.counters.requests, {});
  });

  it("exits 2 on bad usage, before calling anything", async () => {
    await serve();
    const cases: [string[], RegExp][] = [
      [["--bogus"], /Unknown option '--bogus'/],
      [["extra"], /Unexpected argument 'extra'/],
      [["--endpoint", "not a url"], /--endpoint: expected an http\(s\) URL, got "not a url"/],
      [
        ["--out", join(dir, "missing", "x.json")],
        /--out: directory .*missing does not exist; create it first/,
      ],
      [["--out", ""], /--out needs a file name/],
    ];
    for (const [argv, message] of cases) {
      const result = await inventory(argv);
      assert.equal(result.code, 2, argv.join(" "));
      assert.match(result.stderr, message);
      assert.match(result.stderr, /\nusage: npm run inventory -- \[--out FILE\]/);
      assert.equal(result.stderr.split("\n").length, 3);
    }
    assert.deepEqual(endpoint.counters.requests, {});
  });

  it("prints help with exit 0", async () => {
    const result = await inventory(["--help"]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^usage: npm run inventory -- /);
    assert.match(
      result.stdout,
      /Exit status: 0 written, 1 inventory failed \(nothing written\), 2 bad usage/,
    );
  });

  it("draws a progress line on a terminal when the run takes seconds, and clears it", async () => {
    await serve({ slowRate: 1, slowMs: 400 });
    const result = await inventory(["--out", out, "--endpoint", endpoint.url], true);
    assert.equal(result.code, 0, result.stderr);
    const clearLine = "\r\x1b[K";
    assert.ok(result.stderr.startsWith(`${clearLine}inventory: `), JSON.stringify(result.stderr));
    assert.match(result.stderr, /inventory: \d+ calls, \d+ accounts, \d+ OUs listed\.\.\./);
    assert.ok(result.stderr.endsWith(clearLine));
  });
});
