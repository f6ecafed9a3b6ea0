import { execFile, execFileSync } from "node:child_process";
import { TEST_CREDENTIALS } from "./organizations-endpoint/test-credentials";

/** Debian's `awscli` package installs here; `.ci/run` installs it. */
export const DEBIAN_AWS_CLI = "/usr/bin/aws";

/** The AWS CLI v2's version (`2.9.19`), or undefined when it is not installed. */
export function awsCliVersion(executable = DEBIAN_AWS_CLI): string | undefined {
  try {
    const text = execFileSync(executable, ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return /^aws-cli\/(2\.\S+)/.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Keys of every `Digest file`/`Log file` line marked INVALID, with the CLI's reason. */
  invalid: { kind: "Digest" | "Log"; key: string; reason: string }[];
  /** The CLI's "No log files were delivered ... between X and Y" notices (chain gaps). */
  gaps: string[];
}

export interface CliTarget {
  bucket: string;
  trailArn: string;
  region: string;
  from: Date;
  to: Date;
  /** The CloudTrail endpoint (`--endpoint-url`, which the CLI uses only for CloudTrail). */
  cloudTrailUrl: string;
  /** HTTPS proxy and CA bundle through which the CLI's S3 calls reach the loopback S3 endpoint. */
  proxyUrl: string;
  caFile: string;
  accountId?: string;
}

const cliTime = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/**
 * `aws cloudtrail validate-logs --verbose` against the loopback endpoints, with the test credentials
 * and no config or credential file. Asynchronous: the endpoints answer from this process meanwhile.
 */
export function runAwsCliValidateLogs(target: CliTarget, executable = DEBIAN_AWS_CLI): Promise<CliRun> {
  const args = [
    "cloudtrail",
    "validate-logs",
    "--trail-arn",
    target.trailArn,
    "--start-time",
    cliTime(target.from),
    "--end-time",
    cliTime(target.to),
    "--s3-bucket",
    target.bucket,
    "--region",
    target.region,
    "--endpoint-url",
    target.cloudTrailUrl,
    "--verbose",
    ...(target.accountId ? ["--account-id", target.accountId] : []),
  ];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: "C.UTF-8",
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: "/nonexistent/org-governance-test/config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/org-governance-test/credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_PAGER: "",
    HTTPS_PROXY: target.proxyUrl,
    https_proxy: target.proxyUrl,
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
    AWS_CA_BUNDLE: target.caFile,
  };
  return new Promise((resolve, reject) => {
    execFile(executable, args, { env, encoding: "utf8", timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      if (code === -1)
        return reject(new Error(`aws cloudtrail validate-logs did not run: ${error?.message}`));
      const invalid = [
        ...`${stdout}\n${stderr}`.matchAll(/^(Digest|Log) file\ts3:\/\/[^/]+\/(\S+)\tINVALID: (.*)$/gm),
      ].map((match) => ({ kind: match[1] as "Digest" | "Log", key: match[2], reason: match[3] }));
      const gaps = [...stderr.matchAll(/^No log files were delivered by CloudTrail between .*$/gm)].map(
        (m) => m[0],
      );
      resolve({ code, stdout, stderr, invalid, gaps });
    });
  });
}
