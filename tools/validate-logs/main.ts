import type { CommandIO } from "../cli/io";
import { ArgumentsError, parseValidateLogsArgs } from "./cli";
import type { ArchiveReader } from "./reader";

export interface ValidateLogsDependencies {
  /** The project directory (Pulumi.yaml, Pulumi.<stack>.yaml). @default process.cwd() */
  projectDir?: string;
  /** The archive reader; tests pass their own settings. @default S3 and CloudTrail through the SDK */
  reader?: (bucketRegion: string) => ArchiveReader;
  now?: Date;
}

/**
 * `npm run validate-logs`: 0 all valid, 1 a problem found (or nothing to validate), 2 could not run.
 * Heavy modules (the SDK, the stack config) load after the arguments parse, so --help answers at once.
 */
export async function validateLogsMain(
  argv: string[],
  io: CommandIO,
  deps: ValidateLogsDependencies = {},
): Promise<number> {
  let options;
  try {
    options = parseValidateLogsArgs(argv, io, deps.now);
  } catch (error) {
    if (error instanceof ArgumentsError) {
      io.stderr(error.message);
      return 2;
    }
    throw error;
  }
  if (!options) return 0;

  /* eslint-disable @typescript-eslint/no-require-imports */
  const { validateArchive, parseTrailArn } = require("./run") as typeof import("./run");
  const { createAwsReader } = require("./aws-reader") as typeof import("./aws-reader");
  const { formatReport, reportPasses } = require("./report") as typeof import("./report");
  const { createProgressLine } = require("./progress") as typeof import("./progress");
  const stackModule = require("./stack") as typeof import("./stack");
  /* eslint-enable @typescript-eslint/no-require-imports */

  let target;
  try {
    target = options.stack
      ? await stackModule.archiveOfStack(deps.projectDir ?? process.cwd(), options.stack, options.orgSnapshot)
      : {
          bucket: options.bucket!,
          trailArn: options.trailArn!,
          ...(options.orgSnapshot ? stackModule.organizationOfSnapshot(options.orgSnapshot) : {}),
        };
  } catch (error) {
    io.stderr(`validate-logs: ${(error as Error).message.split("\n").join("; ")}`);
    return 2;
  }
  const trail = parseTrailArn(target.trailArn);
  if (!trail) {
    io.stderr(
      `validate-logs: --trail-arn ${target.trailArn} is not arn:<partition>:cloudtrail:<region>:<account>:trail/<name>; copy it from the trail's details`,
    );
    return 2;
  }
  const reader = (deps.reader ?? ((region: string) => createAwsReader({ bucketRegion: region })))(
    trail.homeRegion,
  );
  const progress = createProgressLine({ write: (text) => io.stderr(text), isTTY: io.isTTY });
  try {
    const report = await validateArchive(
      reader,
      {
        bucket: target.bucket,
        trailArn: target.trailArn,
        keyPrefix: options.keyPrefix,
        organizationId: target.organizationId,
        accounts: options.accounts ?? target.accounts,
        regions: options.regions,
        from: options.from,
        to: options.to,
        concurrency: options.concurrency,
      },
      progress,
    );
    progress.done();
    io.stdout(
      options.json
        ? JSON.stringify({ ...report, valid: reportPasses(report) }, null, 2)
        : formatReport(report),
    );
    return reportPasses(report) ? 0 : 1;
  } catch (error) {
    progress.done();
    io.stderr(`validate-logs: ${(error as Error).message}`);
    return 2;
  }
}
