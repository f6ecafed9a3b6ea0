import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CloudTrailRecordGenerator } from "./cloudtrail-records";

export interface GeneratedArchive {
  readonly files: number;
  readonly records: number;
  readonly uncompressedBytes: number;
  /** A principal ARN and an access key id that occur in the archive, for the questions to look up. */
  readonly principalArn: string;
  readonly accessKeyId: string;
}

const RECORDS_PER_FILE = 2_000;
const ORGANIZATION_ID = "o-benchorg001";

/**
 * An organization trail's archive as `aws s3 sync` copies it: gzipped `{"Records":[…]}` files under
 * `AWSLogs/<org>/<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/`, generated until `minimumBytes` of
 * uncompressed JSON, from the deterministic record generator the filter-pattern benchmark uses.
 */
export function writeInvestigationArchive(root: string, minimumBytes: number, seed = 7): GeneratedArchive {
  const generator = new CloudTrailRecordGenerator(seed);
  let records = 0;
  let files = 0;
  let bytes = 0;
  let principalArn = "";
  let accessKeyId = "";
  while (bytes < minimumBytes) {
    const batch = Array.from({ length: RECORDS_PER_FILE }, (_, i) => generator.record(records + i));
    const first = batch[0] as unknown as { recipientAccountId: string; awsRegion: string; eventTime: string };
    const [yyyy, mm, dd] = first.eventTime.slice(0, 10).split("-");
    const dir = join(
      root,
      "AWSLogs",
      ORGANIZATION_ID,
      first.recipientAccountId,
      "CloudTrail",
      first.awsRegion,
      yyyy,
      mm,
      dd,
    );
    mkdirSync(dir, { recursive: true });
    const text = JSON.stringify({ Records: batch });
    const stamp = first.eventTime.replace(/[-:]/g, "").slice(0, 13);
    writeFileSync(
      join(
        dir,
        `${first.recipientAccountId}_CloudTrail_${first.awsRegion}_${stamp}Z_${String(files).padStart(6, "0")}.json.gz`,
      ),
      gzipSync(text),
    );
    if (!accessKeyId) {
      const caller = batch.find((r) => r.userIdentity?.accessKeyId && r.userIdentity.arn)?.userIdentity;
      principalArn = caller?.arn ?? "";
      accessKeyId = caller?.accessKeyId ?? "";
    }
    bytes += Buffer.byteLength(text);
    records += batch.length;
    files += 1;
  }
  return { files, records, uncompressedBytes: bytes, principalArn, accessKeyId };
}
