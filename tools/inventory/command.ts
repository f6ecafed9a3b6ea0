import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  InventoryError,
  enumerateOrganization,
  summarizeOrganization,
  writeSnapshotAtomically,
  type InventoryProgress,
  type OrganizationSummary,
} from "../../lib/organization/inventory";
import { ACCOUNT_STATES, type OrganizationSnapshot } from "../../lib/organization/snapshot";

const USAGE = "usage: npm run inventory -- [--out FILE] [--endpoint URL] [--with-tags] [--json]";
const HELP = `${USAGE}

Lists the live AWS organization (credentials from the standard AWS chain) and writes its snapshot.
  --out FILE      where to write the snapshot (default organization.snapshot.json)
  --endpoint URL  Organizations endpoint to call instead of the standard one
  --with-tags     also read every account's tags (one more call per account)
  --json          print the summary as JSON
Exit status: 0 written, 1 inventory failed (nothing written), 2 bad usage.
`;
const DEFAULT_OUT = "organization.snapshot.json";
/** Progress appears only for runs long enough to wonder about, and redraws at most this often. */
const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 250;

export interface InventoryIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

class UsageError extends Error {}

interface Arguments {
  help: boolean;
  out: string;
  endpoint?: string;
  withTags: boolean;
  json: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: "string" },
        endpoint: { type: "string" },
        "with-tags": { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\s+/g, " "));
  }
  const withTags = values["with-tags"] ?? false;
  const json = values.json ?? false;
  if (values.help) return { help: true, out: DEFAULT_OUT, withTags, json };
  if (values.out === "") throw new UsageError("--out needs a file name");
  const out = resolve(values.out ?? DEFAULT_OUT);
  if (!isDirectory(dirname(out))) {
    throw new UsageError(`--out: directory ${dirname(out)} does not exist; create it first`);
  }
  if (values.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(values.endpoint)) {
    throw new UsageError(`--endpoint: expected an http(s) URL, got ${JSON.stringify(values.endpoint)}`);
  }
  return { help: false, out, endpoint: values.endpoint, withTags, json };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A one-line progress display, redrawn in place, for terminals only. */
function progressLine(stderr: InventoryIo["stderr"]) {
  const started = Date.now();
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(progress: InventoryProgress) {
      const now = Date.now();
      if (!stderr.isTTY || now - started < PROGRESS_AFTER_MS || now - lastDrawn < PROGRESS_EVERY_MS) return;
      lastDrawn = now;
      drawn = true;
      const { calls, accounts, ous } = progress;
      stderr.write(`\r\x1b[Kinventory: ${calls} calls, ${accounts} accounts, ${ous} OUs listed...`);
    },
    clear() {
      if (drawn) stderr.write("\r\x1b[K");
    },
  };
}

function countsByState(byState: OrganizationSummary["byState"]): string {
  const parts = ACCOUNT_STATES.filter((s) => byState[s] > 0).map((s) => `${s} ${byState[s]}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}

/** The summary for people: counts, the CloudTrail integration, where the snapshot went. */
export function formatSummary(
  summary: OrganizationSummary,
  out: string,
  metadata: OrganizationSnapshot["metadata"],
): string {
  const width = Math.max(...summary.byTopLevelOu.map((g) => `${g.name} (${g.id})`.length));
  const lines = [
    `Organization ${summary.organizationId} (management account ${summary.managementAccountId}): ` +
      `${summary.accounts} accounts, ${summary.organizationalUnits} OUs`,
    `Accounts by state: ${countsByState(summary.byState)}`,
    "Accounts by top-level OU:",
    ...summary.byTopLevelOu.map(
      (g) =>
        `  ${`${g.name} (${g.id})`.padEnd(width)}  ${String(g.accounts).padStart(6)}  ${countsByState(g.byState)}`,
    ),
    `CloudTrail trusted access: ${summary.cloudTrailTrustedAccess ? "yes" : "no"}`,
    `CloudTrail delegated administrators: ${summary.cloudTrailDelegatedAdministrators.join(", ") || "none"}`,
    `Snapshot written to ${out} (${metadata?.calls ?? 0} calls, ${metadata?.retries ?? 0} retries, ` +
      `${((metadata?.durationMs ?? 0) / 1000).toFixed(1)} s)`,
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * `npm run inventory`: lists the live organization and writes its snapshot. Exit 0 on success, 1 when
 * the inventory fails (nothing written), 2 on bad usage.
 */
export async function main(argv: readonly string[], io: InventoryIo = process): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`inventory: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const progress = progressLine(io.stderr);
  let snapshot: OrganizationSnapshot;
  try {
    snapshot = await enumerateOrganization({
      endpoint: args.endpoint,
      withTags: args.withTags,
      onProgress: (p) => progress.update(p),
    });
  } catch (error) {
    if (!(error instanceof InventoryError)) throw error;
    io.stderr.write(`inventory: ${error.message}\n`);
    return 1;
  } finally {
    progress.clear();
  }
  try {
    await writeSnapshotAtomically(args.out, snapshot);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    io.stderr.write(
      `inventory: could not write ${args.out} (${reason}); check the path and its permissions\n`,
    );
    return 1;
  }
  const summary = summarizeOrganization(snapshot);
  io.stdout.write(
    args.json
      ? `${JSON.stringify({ snapshotFile: args.out, ...summary, inventory: snapshot.metadata }, null, 2)}\n`
      : formatSummary(summary, args.out, snapshot.metadata),
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
