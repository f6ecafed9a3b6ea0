import { randomBytes } from "node:crypto";
import { rm, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { OrganizationSnapshot } from "../snapshot";

/**
 * Writes the snapshot as JSON through a temporary file in the same directory and a rename, so a reader
 * sees the old file or the new one, never half of one.
 */
export async function writeSnapshotAtomically(path: string, snapshot: OrganizationSnapshot): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await writeFile(temporary, `${JSON.stringify(snapshot, null, 2)}\n`, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
