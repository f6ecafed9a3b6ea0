import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runToSuccess, runTypeScriptChild } from "./child-process";
import type { Figure } from "./figures";
import type { InvestigateChildResult } from "./investigate-child";
import { writeInvestigationArchive } from "./investigation-archive";
import { median, ratio, type RunPlan } from "./stats";

/** DuckDB answering a question over gzipped logs, divided by zcat merely decompressing them. */
export const INVESTIGATE_TARGET = 3;

const CHILD = join(__dirname, "investigate-child.ts");

export interface InvestigateBenchOptions extends RunPlan {
  /** Uncompressed JSON to generate, at least. */
  readonly bytes: number;
  readonly projectDir: string;
  readonly onProgress?: (message: string) => void;
}

/**
 * Generates an organization archive, then times, side by side on the same files: zcat decompressing
 * every file to /dev/null, and `npm run investigate` (DuckDB) answering `principal` and `access-key`
 * in a child process of its own (so its peak memory is the question's alone).
 */
export async function measureInvestigate(options: InvestigateBenchOptions): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), "org-governance-investigate-"));
  try {
    options.onProgress?.(`generating ${(options.bytes / 1e9).toFixed(1)} GB of CloudTrail logs`);
    const archive = writeInvestigationArchive(root, options.bytes);
    const zcat = () =>
      runToSuccess(
        "sh",
        ["-c", `find "${root}" -name '*.json.gz' -print0 | xargs -0 zcat > /dev/null`],
        { cwd: root },
        "zcat",
      );
    const questions = [
      ["principal", archive.principalArn],
      ["access-key", archive.accessKeyId],
    ] as const;
    const zcatMs: number[] = [];
    const answers = new Map<string, InvestigateChildResult[]>(questions.map(([q]) => [q, []]));
    for (let run = 0; run < options.warmup + options.runs; run++) {
      const kept = run >= options.warmup;
      options.onProgress?.(`${kept ? "run" : "warm-up"} ${run + 1}: zcat`);
      const decompressed = await zcat();
      if (kept) zcatMs.push(decompressed.wallMs);
      for (const [question, value] of questions) {
        options.onProgress?.(`${kept ? "run" : "warm-up"} ${run + 1}: ${question}`);
        const result = await runTypeScriptChild<InvestigateChildResult>(
          CHILD,
          [question, value, "--dir", root],
          { cwd: options.projectDir },
        );
        if (result.exitCode !== 0)
          throw new Error(`investigate ${question} ${value} exited with ${result.exitCode}`);
        if (kept) answers.get(question)!.push(result);
      }
    }
    const floor = median(zcatMs);
    const detail = `${archive.records.toLocaleString("en-US")} records, ${(archive.uncompressedBytes / 1e9).toFixed(2)} GB in ${archive.files} files`;
    return [
      {
        id: "investigate.zcat",
        measurement: "zcat decompressing the archive",
        value: floor / 1000,
        unit: "s",
        samples: zcatMs,
        detail,
      },
      ...questions.flatMap(([question]) => {
        const results = answers.get(question)!;
        const ms = median(results.map((r) => r.ms));
        return [
          {
            id: `investigate.${question}.records-per-second`,
            measurement: `investigate ${question} (DuckDB)`,
            value: archive.records / (ms / 1000),
            unit: "records/s" as const,
            samples: results.map((r) => r.ms),
            detail: `${results[0].rows} rows`,
          },
          {
            id: `investigate.${question}.peak-memory`,
            measurement: `investigate ${question}: peak memory`,
            value: Math.max(...results.map((r) => r.maxRssMiB)),
            unit: "MiB" as const,
          },
          {
            id: `investigate.${question}.ratio-to-zcat`,
            measurement: `investigate ${question} ÷ zcat`,
            value: ratio(ms, floor),
            unit: "ratio" as const,
            target: { comparison: "<=" as const, limit: INVESTIGATE_TARGET },
          },
        ];
      }),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
