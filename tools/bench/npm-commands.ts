import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand, runToSuccess } from "./child-process";
import type { Figure } from "./figures";
import { timeRuns, type RunPlan } from "./stats";

export interface NpmCiOptions extends RunPlan {
  readonly projectDir: string;
  readonly onProgress?: (message: string) => void;
}

/**
 * `npm ci` from the lock file into a scratch copy of package.json and package-lock.json, from npm's cache
 * where it can (`--prefer-offline`): the project's own node_modules is never touched.
 */
export async function measureNpmCi(options: NpmCiOptions): Promise<Figure[]> {
  const directory = mkdtempSync(join(tmpdir(), "org-governance-bench-npm-ci-"));
  try {
    for (const file of ["package.json", "package-lock.json"]) {
      copyFileSync(join(options.projectDir, file), join(directory, file));
    }
    const timed = await timeRuns(
      options,
      () =>
        runToSuccess(
          "npm",
          ["ci", "--prefer-offline", "--no-audit", "--no-fund"],
          { cwd: directory },
          "npm ci",
        ),
      (run, total) => options.onProgress?.(`npm ci (${run}/${total})`),
    );
    return [
      {
        id: "npm.ci",
        measurement: "npm ci --prefer-offline (for the record)",
        value: timed.medianMs / 1000,
        unit: "s",
        samples: timed.samplesMs,
      },
    ];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export interface NpmTestOptions {
  readonly projectDir: string;
  readonly onProgress?: (message: string) => void;
}

/** One `npm test` (type-check, lint, format check, every test): minutes, so timed once. */
export async function measureNpmTest(options: NpmTestOptions): Promise<Figure[]> {
  options.onProgress?.("npm test");
  const outcome = await runCommand("npm", ["test"], { cwd: options.projectDir });
  return [
    {
      id: "npm.test",
      measurement: "npm test (for the record)",
      value: outcome.wallMs / 1000,
      unit: "s",
      samples: [outcome.wallMs],
      ...(outcome.exitCode === 0 ? {} : { detail: `(failed with exit code ${outcome.exitCode})` }),
    },
  ];
}
