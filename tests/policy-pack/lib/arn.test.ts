import assert from "node:assert/strict";
import { partition as sdkPartition } from "@aws-sdk/core/client";
import {
  isSnsTopicArn,
  kmsAliasNameOf,
  kmsKeyIdOf,
  logGroupNameFromArn,
  s3ResourceCoverage,
  withoutTrailingWildcard,
} from "../../../policy-pack/lib/arn";

/** One region of each partition the AWS SDK's endpoint table lists. */
const ONE_REGION_PER_PARTITION = [
  "us-east-1",
  "cn-north-1",
  "us-gov-west-1",
  "us-iso-east-1",
  "us-isob-east-1",
  "eu-isoe-west-1",
  "us-isof-south-1",
  "eusc-de-east-1",
];

describe("ARN helpers", () => {
  it("reads the log group name with or without the log-stream wildcard", () => {
    assert.equal(
      logGroupNameFromArn("arn:aws:logs:eu-west-1:111122223333:log-group:/org/trail:*"),
      "/org/trail",
    );
    assert.equal(logGroupNameFromArn("arn:aws:logs:eu-west-1:111122223333:log-group:org-trail"), "org-trail");
    assert.equal(logGroupNameFromArn("org-trail"), undefined);
  });

  // A value that only contains an ARN is not one: reading a name out of it would link the trail to a
  // resource it does not name.
  it("reads only values that are ARNs from their first character", () => {
    const inside = "x-arn:aws:logs:eu-west-1:111122223333:log-group:org-trail:*";
    assert.equal(logGroupNameFromArn(inside), undefined);
    assert.equal(
      kmsKeyIdOf(`alias/${"arn:aws:kms:eu-west-1:111122223333:key/abcd-1"}`),
      "alias/arn:aws:kms:eu-west-1:111122223333:key/abcd-1",
    );
    assert.equal(
      kmsAliasNameOf("x-arn:aws:kms:eu-west-1:111122223333:alias/org-trail"),
      "x-arn:aws:kms:eu-west-1:111122223333:alias/org-trail",
    );
    assert.ok(!isSnsTopicArn("x-arn:aws:sns:eu-west-1:111122223333:alerts"));
  });

  it("drops only a trailing log-stream wildcard", () => {
    const group = "arn:aws:logs:eu-west-1:111122223333:log-group:org-trail";
    assert.equal(withoutTrailingWildcard(`${group}:*`), group);
    assert.equal(withoutTrailingWildcard(group), group);
    assert.equal(withoutTrailingWildcard(":*-leading"), ":*-leading");
  });

  it("reads key ids and alias names from ARNs and leaves other references alone", () => {
    assert.equal(kmsKeyIdOf("arn:aws:kms:eu-west-1:111122223333:key/abcd-1"), "abcd-1");
    assert.equal(kmsKeyIdOf("abcd-1"), "abcd-1");
    assert.equal(kmsAliasNameOf("arn:aws:kms:eu-west-1:111122223333:alias/org-trail"), "alias/org-trail");
  });

  it("recognises SNS topic ARNs only", () => {
    assert.ok(isSnsTopicArn("arn:aws:sns:eu-west-1:111122223333:alerts"));
    assert.ok(!isSnsTopicArn("arn:aws:automate:eu-west-1:ec2:stop"));
    // "Amazon SNS resource types" (Service Authorization Reference): a subscription ARN is the topic ARN
    // followed by `:<subscription id>`; it names no topic an alarm can notify.
    assert.ok(
      !isSnsTopicArn("arn:aws:sns:eu-west-1:111122223333:alerts:0b1d6c8e-5f0a-4f4e-9d43-2a1c9e1b7f00"),
    );
  });

  it("tells whether a resource pattern covers the bucket and all of its objects", () => {
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::logs", "logs"), { bucket: true, objects: false });
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::logs/*", "logs"), { bucket: false, objects: true });
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::logs/AWSLogs/*", "logs"), {
      bucket: false,
      objects: false,
    });
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::log?", "logs"), { bucket: true, objects: false });
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::logs.v2/*", "logs-v2"), {
      bucket: false,
      objects: false,
    });
  });

  it("reads every character of a pattern other than * and ? literally", () => {
    for (const special of [".", "+", "$", "(", ")", "[", "]", "{", "}", "|", "^", "\\"]) {
      assert.deepEqual(
        s3ResourceCoverage(`arn:aws:s3:::logs${special}/*`, "logs"),
        {
          bucket: false,
          objects: false,
        },
        special,
      );
    }
  });

  it("covers the bucket in every partition the AWS SDK knows, and nowhere else", () => {
    for (const region of ONE_REGION_PER_PARTITION) {
      const partition = sdkPartition(region).name;
      assert.deepEqual(
        s3ResourceCoverage(`arn:${partition}:s3:::logs*`, "logs"),
        { bucket: true, objects: true },
        partition,
      );
    }
    assert.deepEqual(s3ResourceCoverage("arn:aws-mars:s3:::logs*", "logs"), {
      bucket: false,
      objects: false,
    });
  });
});
