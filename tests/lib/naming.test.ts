import assert from "node:assert/strict";
import { partition as sdkPartition } from "@aws-sdk/core/client";
import fc from "fast-check";
import {
  ACCESS_LOG_PREFIX,
  accessLogBucketName,
  accountRootArn,
  archiveBucketName,
  bucketArn,
  logGroupArn,
  logGroupName,
  logsServicePrincipal,
  managementTrailsArnPattern,
  partitionOf,
  roleArn,
  servicePrincipal,
  trailArn,
} from "../../lib/naming";

/** Regions of the three partitions this program supports. */
const REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-1",
  "ap-south-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "ca-central-1",
  "ca-west-1",
  "eu-central-1",
  "eu-central-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-south-1",
  "eu-south-2",
  "eu-north-1",
  "il-central-1",
  "me-south-1",
  "me-central-1",
  "mx-central-1",
  "sa-east-1",
  "cn-north-1",
  "cn-northwest-1",
  "us-gov-east-1",
  "us-gov-west-1",
];

/** S3's general purpose bucket naming rules, including the reserved prefixes and suffixes. */
function s3BucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `length ${name.length}`;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return "characters";
  if (name.includes("..")) return "adjacent periods";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return "IP address";
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name)) return "reserved prefix";
  if (/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)) return "reserved suffix";
  return undefined;
}

const anyAccountId = fc.stringMatching(/^\d{12}$/);

describe("partitionOf", () => {
  it("knows the China and GovCloud partitions", () => {
    assert.equal(partitionOf("cn-north-1"), "aws-cn");
    assert.equal(partitionOf("cn-northwest-1"), "aws-cn");
    assert.equal(partitionOf("us-gov-west-1"), "aws-us-gov");
    assert.equal(partitionOf("us-gov-east-1"), "aws-us-gov");
  });

  // "Partitions" (AWS Fault Isolation Boundaries whitepaper): every Region is in exactly one partition. The
  // AWS SDK's own endpoint table (@aws-sdk/core) is the oracle, for the commercial regions and for the
  // regions of every other partition it lists (China, GovCloud, the ISO partitions, the European Sovereign
  // Cloud): a wrong partition puts a wrong ARN into every policy.
  it("agrees with the AWS SDK's partition table on every region of every partition", () => {
    const otherPartitions = [
      "us-iso-east-1",
      "us-iso-west-1",
      "us-isob-east-1",
      "us-isob-west-1",
      "eu-isoe-west-1",
      "us-isof-east-1",
      "us-isof-south-1",
      "eusc-de-east-1",
    ];
    for (const region of [...REGIONS, ...otherPartitions]) {
      assert.equal(partitionOf(region), sdkPartition(region).name, region);
    }
  });

  it("puts every other region in aws", () => {
    for (const region of REGIONS.filter((r) => !r.startsWith("cn-") && !r.startsWith("us-gov-"))) {
      assert.equal(partitionOf(region), "aws", region);
    }
  });
});

describe("ARNs", () => {
  it("builds the trail ARN before the trail exists", () => {
    assert.equal(
      trailArn({
        partition: "aws",
        region: "eu-west-1",
        managementAccountId: "111122223333",
        trailName: "org",
      }),
      "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org",
    );
    assert.equal(
      trailArn({
        partition: "aws-cn",
        region: "cn-north-1",
        managementAccountId: "111122223333",
        trailName: "t",
      }),
      "arn:aws-cn:cloudtrail:cn-north-1:111122223333:trail/t",
    );
  });

  it("matches every trail of the management account, in any region, with the trails pattern", () => {
    assert.equal(
      managementTrailsArnPattern("aws-us-gov", "111122223333"),
      "arn:aws-us-gov:cloudtrail:*:111122223333:trail/*",
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        anyAccountId,
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{1,20}[A-Za-z0-9]$/),
        (region, managementAccountId, trailName) => {
          const partition = partitionOf(region);
          const pattern = managementTrailsArnPattern(partition, managementAccountId);
          const glob = new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`);
          assert.match(trailArn({ partition, region, managementAccountId, trailName }), glob);
          assert.doesNotMatch(
            trailArn({
              partition,
              region,
              managementAccountId: otherAccount(managementAccountId),
              trailName,
            }),
            glob,
          );
        },
      ),
    );
  });

  it("builds bucket, log group, role and account ARNs", () => {
    assert.equal(bucketArn("aws", "b"), "arn:aws:s3:::b");
    assert.equal(
      logGroupArn("aws", "eu-west-1", "111122223333", "/org-governance/cloudtrail/org"),
      "arn:aws:logs:eu-west-1:111122223333:log-group:/org-governance/cloudtrail/org",
    );
    assert.equal(roleArn("aws-cn", "222233334444", "Admin"), "arn:aws-cn:iam::222233334444:role/Admin");
    assert.equal(accountRootArn("aws", "222233334444"), "arn:aws:iam::222233334444:root");
  });

  it("leaves the :* suffix off the log group ARN, as KMS encryption contexts carry it", () => {
    assert.ok(!logGroupArn("aws", "eu-west-1", "111122223333", "g").endsWith(":*"));
  });
});

describe("names", () => {
  it("derives bucket names from the archive account and region only", () => {
    assert.equal(archiveBucketName("222233334444", "eu-west-1"), "org-trail-archive-222233334444-eu-west-1");
    assert.equal(
      accessLogBucketName("222233334444", "eu-west-1"),
      "org-trail-access-logs-222233334444-eu-west-1",
    );
  });

  it("gives valid, distinct S3 bucket names of at most 63 characters for any account and real region", () => {
    fc.assert(
      fc.property(anyAccountId, fc.constantFrom(...REGIONS), (accountId, region) => {
        const archive = archiveBucketName(accountId, region);
        const accessLogs = accessLogBucketName(accountId, region);
        assert.equal(s3BucketNameProblem(archive), undefined, archive);
        assert.equal(s3BucketNameProblem(accessLogs), undefined, accessLogs);
        assert.notEqual(archive, accessLogs);
      }),
      { numRuns: 300 },
    );
    for (const region of REGIONS) {
      assert.ok(accessLogBucketName("123456789012", region).length <= 63, region);
    }
  });

  it("names the log group after the trail", () => {
    assert.equal(logGroupName("org-governance"), "/org-governance/cloudtrail/org-governance");
  });

  it("keeps access logs under a prefix that ends with a slash", () => {
    assert.match(ACCESS_LOG_PREFIX, /^[a-z0-9-]+\/$/);
  });
});

describe("service principals", () => {
  it("names global and regional service principals", () => {
    assert.equal(servicePrincipal("cloudtrail"), "cloudtrail.amazonaws.com");
    assert.equal(logsServicePrincipal("eu-central-1"), "logs.eu-central-1.amazonaws.com");
  });
});

describe("the S3 bucket name check used above", () => {
  it("rejects names S3 rejects", () => {
    for (const bad of [
      "ab",
      "a".repeat(64),
      "Upper",
      "under_score",
      "-dash",
      "dash-",
      "a..b",
      "192.168.1.1",
    ]) {
      assert.notEqual(s3BucketNameProblem(bad), undefined, bad);
    }
    for (const bad of ["xn--abc", "sthree-x", "bucket-s3alias", "bucket--ol-s3", "bucket--x-s3"]) {
      assert.notEqual(s3BucketNameProblem(bad), undefined, bad);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function otherAccount(accountId: string): string {
  return accountId === "000000000000" ? "000000000001" : "000000000000";
}
