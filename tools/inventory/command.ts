import { type Command, InvalidArgumentError } from "commander";
import { defineCommand, jsonOption, outOption, runCommand } from "../cli/command";
import { streamIO, type OutputStreams } from "../cli/io";
import type { InventoryProgress, OrganizationSummary } from "../../lib/organization/inventory";
import { ACCOUNT_STATES, type OrganizationSnapshot } from "../../lib/organization/snapshot";

const DEFAULT_OUT = "organization.snapshot.json";
/** Progress appears only for runs long enough to wonder about, and redraws at most this often. */
const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 250;

export type InventoryIo = OutputStreams;

/** The inventory's flags; `--help` and usage errors answer before the AWS SDK loads. */
export function inventoryCommand(): Command {
  return defineCommand({
    name: "inventory",
    summary:
      "Lists the live AWS organization (credentials from the standard AWS chain, read-only calls) and " +
      "writes its snapshot, which the plan reads offline.",
    exitCodes: {
      0: "the snapshot was written",
      1: "the inventory failed (credentials, access denied, throttling): nothing was written",
      2: "bad usage",
    },
  })
    .addOption(outOption("where to write the snapshot", DEFAULT_OUT))
    .option("--endpoint <url>", "an Organizations endpoint to call instead of the standard one", httpUrl)
    .option("--with-tags", "also read every account's tags (one more call per account)")
    .addOption(jsonOption());
}

interface Arguments {
  out: string;
  endpoint?: string;
  withTags?: boolean;
  json?: boolean;
}

function httpUrl(value: string): string {
  if (!/^https?:\/\/[^\s/]+/.test(value)) throw new InvalidArgumentError("expected an http(s) URL");
  return value;
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

/** `npm run inventory`: lists the live organization and writes its snapshot. */
export function main(argv: readonly string[], io: InventoryIo = process): Promise<number> {
  return runCommand<Arguments>(inventoryCommand(), argv, streamIO(io), (args) => inventory(args, io));
}

/** Loaded after the arguments parse: the AWS SDK takes a good part of a second to load. */
function loadInventory(): typeof import("../../lib/organization/inventory") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../../lib/organization/inventory");
}

async function inventory(args: Arguments, io: InventoryIo): Promise<number> {
  const { InventoryError, enumerateOrganization, summarizeOrganization, writeSnapshotAtomically } =
    loadInventory();
  const progress = progressLine(io.stderr);
  let snapshot: OrganizationSnapshot;
  try {
    snapshot = await enumerateOrganization({
      endpoint: args.endpoint,
      withTags: args.withTags ?? false,
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
