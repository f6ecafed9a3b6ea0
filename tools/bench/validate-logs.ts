import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { buildArchive, type ArchiveSpec } from "../../tests/support/archive-builder";
import { awsCliVersion, runAwsCliValidateLogs } from "../../tests/support/aws-cli-oracle";
import { createTestCertificateAuthority, startInterceptingProxy } from "../../tests/support/https-proxy";
import { useTestCredentialsInEnvironment } from "../../tests/support/organizations-endpoint/test-credentials";
import { serveArchive } from "../../tests/support/validate-logs-harness";
import type { Figure } from "./figures";
import { ratio } from "./stats";

export interface ValidateLogsBenchOptions {
  /** Log files in the generated single-account, single-region chain. @default 10,000 */
  readonly files?: number;
  readonly concurrency?: number;
  readonly onProgress?: (message: string) => void;
}

export interface ValidateLogsBenchResult {
  readonly files: number;
  readonly bytes: number;
  readonly oursMs: number;
  readonly floorMs: number;
  /** Undefined when the AWS CLI is not installed. */
  readonly cliMs?: number;
  readonly cliVersion?: string;
  /** Peak resident memory growth during this tool's run, MiB. */
  readonly peakRssMiB: number;
}

const LOGS_PER_HOUR = 100;

/**
 * Times `npm run validate-logs`'s engine, the AWS CLI's `validate-logs` and the floor (read, inflate and
 * hash the same files from local disk in one process) on one generated chain, side by side in one run.
 * Both tools read from the same loopback S3 endpoint in this process (the CLI through the HTTPS proxy).
 */
export async function runValidateLogsBench(
  options: ValidateLogsBenchOptions = {},
): Promise<ValidateLogsBenchResult> {
  const files = options.files ?? 10_000;
  const hours = Math.ceil(files / LOGS_PER_HOUR);
  const spec: ArchiveSpec = {
    bucket: "bench-trail-bucket",
    trailName: "bench",
    homeRegion: "us-east-1",
    trailAccountId: "111122223333",
    accounts: ["111122223333"],
    regions: ["us-east-1"],
    start: new Date("2026-04-01T00:00:00Z"),
    hours,
    logsPerHour: LOGS_PER_HOUR,
    recordsPerLog: 20,
  };
  options.onProgress?.(`generating ${(hours * LOGS_PER_HOUR).toLocaleString("en-US")} log files`);
  const archive = buildArchive(spec);
  const from = new Date(spec.start.getTime() + 60_000);
  const to = new Date(spec.start.getTime() + hours * 3_600_000);
  const logKeys = [...archive.logs.keys()];
  const bytes = archive.objects
    .filter((o) => archive.logs.has(o.key))
    .reduce((sum, o) => sum + o.body.length, 0);

  // The floor: the same files from local disk, read, inflated and hashed in one process.
  const dir = mkdtempSync(join(tmpdir(), "validate-logs-bench-"));
  const restore = useTestCredentialsInEnvironment();
  try {
    for (const object of archive.objects) {
      if (!archive.logs.has(object.key)) continue;
      const file = join(dir, object.key);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, object.body);
    }
    options.onProgress?.("floor: read, inflate, hash from local disk");
    const floorStarted = performance.now();
    for (const key of logKeys) {
      const hash = createHash("sha256")
        .update(gunzipSync(readFileSync(join(dir, key))))
        .digest("hex");
      if (hash !== archive.logs.get(key)) throw new Error(`bench floor: ${key} does not hash as generated`);
    }
    const floorMs = performance.now() - floorStarted;

    const served = await serveArchive(archive, { explicitEndpoints: true });
    try {
      options.onProgress?.("validate-logs over the loopback S3 endpoint");
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const oursStarted = performance.now();
      const report = await served.validate({ from, to, concurrency: options.concurrency ?? 16 });
      const oursMs = performance.now() - oursStarted;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const checked = report.scopes.reduce((sum, s) => sum + s.logs.valid, 0);
      if (report.problems.length > 0 || checked !== logKeys.length) {
        throw new Error(
          `bench: validate-logs found ${report.problems.length} problems, ${checked} valid of ${logKeys.length}`,
        );
      }

      const cliVersion = awsCliVersion();
      let cliMs: number | undefined;
      if (cliVersion) {
        options.onProgress?.(
          `aws cloudtrail validate-logs ${cliVersion} (sequential, through the HTTPS proxy)`,
        );
        const authority = createTestCertificateAuthority([
          "s3.amazonaws.com",
          "*.s3.amazonaws.com",
          "s3.us-east-1.amazonaws.com",
          "*.s3.us-east-1.amazonaws.com",
        ]);
        const proxy = await startInterceptingProxy(served.s3.url, authority);
        try {
          const cliStarted = performance.now();
          const run = await runAwsCliValidateLogs({
            bucket: spec.bucket,
            trailArn: archive.trailArn,
            region: "us-east-1",
            from,
            to,
            cloudTrailUrl: served.cloudTrail.url,
            proxyUrl: proxy.url,
            caFile: authority.caFile,
            verbose: false,
          });
          cliMs = performance.now() - cliStarted;
          if (run.code !== 0 || !run.stdout.includes(`${logKeys.length}/${logKeys.length} log files valid`)) {
            throw new Error(`bench: the AWS CLI did not validate every log file (exit ${run.code})`);
          }
        } finally {
          await proxy.close();
          authority.dispose();
        }
      }
      return {
        files: logKeys.length,
        bytes,
        oursMs,
        floorMs,
        cliMs,
        cliVersion,
        peakRssMiB: (peak - baseline) / 1048576,
      };
    } finally {
      await served.close();
    }
  } finally {
    restore();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures of one run; pure, so the table's shape is tested without a server. */
export function validateLogsFigures(result: ValidateLogsBenchResult): Figure[] {
  const name = `validate-logs, ${result.files.toLocaleString("en-US")} log files (${(result.bytes / 1048576).toFixed(1)} MiB gzipped)`;
  const perFile = (ms: number) => (ms * 1000) / result.files;
  const figures: Figure[] = [
    {
      id: "validate-logs.us-per-file",
      measurement: `${name}: time per file`,
      value: perFile(result.oursMs),
      unit: "µs",
    },
    {
      id: "validate-logs.files-per-s",
      measurement: `${name}: files per second`,
      value: (result.files * 1000) / result.oursMs,
      unit: "count",
    },
    {
      id: "validate-logs.floor.us-per-file",
      measurement: `${name}: floor (read, inflate, hash from disk) per file`,
      value: perFile(result.floorMs),
      unit: "µs",
    },
    {
      id: "validate-logs.ratio.vs-floor",
      measurement: `${name}: time / floor`,
      value: ratio(result.oursMs, result.floorMs),
      unit: "ratio",
      target: { comparison: "<=", limit: 1.5 },
    },
    {
      id: "validate-logs.peak-rss",
      measurement: `${name}: peak memory growth`,
      value: result.peakRssMiB,
      unit: "MiB",
    },
  ];
  if (result.cliMs === undefined) {
    figures.push({
      id: "validate-logs.cli.us-per-file",
      measurement: `${name}: AWS CLI per file`,
      unit: "µs",
      skipped: "skipped (no /usr/bin/aws)",
    });
    return figures;
  }
  figures.push(
    {
      id: "validate-logs.cli.us-per-file",
      measurement: `${name}: AWS CLI ${result.cliVersion} per file`,
      value: perFile(result.cliMs),
      unit: "µs",
    },
    {
      id: "validate-logs.cli.files-per-s",
      measurement: `${name}: AWS CLI files per second`,
      value: (result.files * 1000) / result.cliMs,
      unit: "count",
    },
    {
      id: "validate-logs.ratio.vs-cli",
      measurement: `${name}: time / AWS CLI time`,
      value: ratio(result.oursMs, result.cliMs),
      unit: "ratio",
      target: { comparison: "<=", limit: 0.1, label: "10× faster" },
    },
  );
  return figures;
}
