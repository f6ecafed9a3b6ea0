import { existsSync } from "node:fs";
import * as path from "node:path";
import { CONFIG_NAMESPACE } from "../../lib/config/schema";
import { SAMPLE_ORGANIZATION_PATH } from "../../lib/organization/source";

/** The snapshot `npm run inventory` writes by default, committed at the project root for offline plans. */
export const COMMITTED_SNAPSHOT = "organization.snapshot.json";

/** Where the plan's organization came from, in the order the plan looks. */
export type SnapshotOrigin = "--org-snapshot" | "stack config" | "project root" | "sample";

export interface SnapshotChoice {
  /** Absolute path of the snapshot file. */
  readonly file: string;
  readonly origin: SnapshotOrigin;
  /** "from FILE (why that file)", for the plan's first line; paths inside the project are relative. */
  readonly description: string;
}

/**
 * The organization snapshot an offline plan uses, first found of:
 * 1. `--org-snapshot FILE`;
 * 2. the stack's `org-governance:organization.snapshotFile` (relative to the project directory);
 * 3. `organization.snapshot.json` at the project root, the file `npm run inventory` writes and the
 *    snapshot workflow commits;
 * 4. the sample organization shipped with the project, said loudly: it is not the user's organization.
 *
 * Only the plan looks at the project root: `pulumi preview`/`up` read the live organization unless the
 * stack names a snapshot, so a stale committed file never decides a deployment.
 */
export function chooseSnapshot(
  projectDir: string,
  fromFlag: string | undefined,
  fromStack: string | undefined,
): SnapshotChoice {
  const choice = (file: string, origin: SnapshotOrigin): SnapshotChoice => ({
    file,
    origin,
    description: describeSnapshot(file, origin, projectDir),
  });
  if (fromFlag !== undefined) return choice(path.resolve(projectDir, fromFlag), "--org-snapshot");
  if (fromStack !== undefined) return choice(path.resolve(projectDir, fromStack), "stack config");
  const committed = path.join(projectDir, COMMITTED_SNAPSHOT);
  if (existsSync(committed)) return choice(committed, "project root");
  return choice(SAMPLE_ORGANIZATION_PATH, "sample");
}

function describeSnapshot(file: string, origin: SnapshotOrigin, projectDir: string): string {
  const relative = path.relative(projectDir, file);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
  switch (origin) {
    case "--org-snapshot":
      return `from ${shown} (--org-snapshot)`;
    case "stack config":
      return `from ${shown} (${CONFIG_NAMESPACE}:organization.snapshotFile)`;
    case "project root":
      return `from ${shown} (found at the project root)`;
    case "sample":
      return `from the SAMPLE organization shipped in ${shown}, not yours`;
  }
}

/** What to do when the sample organization was planned: told with the plan and with its failures. */
export const PLAN_YOUR_ORGANIZATION =
  `to plan your own organization, write its snapshot with \`npm run inventory\` (it writes ${COMMITTED_SNAPSHOT}, ` +
  `which the plan then finds at the project root) or pass --org-snapshot FILE`;
