import { readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { CONFIG_NAMESPACE } from "../config/schema";
import { parseSnapshotText, OrganizationSnapshot, SnapshotError } from "./snapshot";

/** The sample organization shipped with the project: the offline plan's default. */
export const SAMPLE_ORGANIZATION_PATH = path.join(__dirname, "sample-organization.json");

/** Snapshots beyond this size are not organizations but mistakes; refuse before reading them. */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

/** Reads and validates a snapshot file; every failure is a `SnapshotError` naming the file. */
export function readSnapshotFile(file: string): OrganizationSnapshot {
  if (sizeOf(file) > MAX_SNAPSHOT_BYTES) throw tooLarge(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SnapshotError(file, [
      `cannot read the organization snapshot (${reason}); check ${CONFIG_NAMESPACE}:organization.snapshotFile or --org-snapshot, or write one with \`npm run inventory\``,
    ]);
  }
  if (Buffer.byteLength(text) > MAX_SNAPSHOT_BYTES) throw tooLarge(file);
  return parseSnapshotText(text, file);
}

/** The size on disk, or 0 when unknown: reading then reports why the file cannot be read. */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function tooLarge(file: string): SnapshotError {
  return new SnapshotError(file, [
    `larger than ${MAX_SNAPSHOT_BYTES} bytes; is this an organization snapshot?`,
  ]);
}

/** What the program needs of the live inventory (`./inventory`); a test pins that the module fits it. */
export interface InventoryModule {
  enumerateOrganization(options: Record<string, never>): Promise<OrganizationSnapshot>;
}

/**
 * Loaded on demand and typed by the interface above: a snapshot-driven run, such as every offline plan,
 * then neither loads the AWS SDK nor has ts-node type-check its hundreds of declaration files.
 */
export function loadInventory(): InventoryModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("./inventory") as InventoryModule;
}

/**
 * The organization as the program sees it: from a snapshot file when the stack names one (relative to
 * the project directory), else from the live AWS Organizations API.
 */
export async function loadOrganization(
  config: { snapshotFile?: string },
  projectDir: string = process.cwd(),
): Promise<OrganizationSnapshot> {
  if (config.snapshotFile !== undefined)
    return readSnapshotFile(path.resolve(projectDir, config.snapshotFile));
  return loadInventory().enumerateOrganization({});
}
