import assert from "node:assert/strict";
import { checkLogGroupEncryption } from "../../../policy-pack/policies/trail-log-group-encryption";
import {
  UNKNOWN,
  compliantStack,
  previewStack,
  reasonOf,
  single,
  withDependencies,
  withProps,
  without,
} from "../fixtures";

describe("trail-log-group-encryption", () => {
  it("passes a group encrypted with a KMS key", () => {
    assert.equal(single(checkLogGroupEncryption(compliantStack())).status, "compliant");
  });

  it("fails a group without a key", () => {
    const result = single(
      checkLogGroupEncryption(withProps(compliantStack(), "trail-log-group", { kmsKeyId: undefined })),
    );
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /LogGroup "trail-log-group" has no `kmsKeyId`/);
  });

  it("fails a blank key", () => {
    assert.equal(
      single(checkLogGroupEncryption(withProps(compliantStack(), "trail-log-group", { kmsKeyId: "" })))
        .status,
      "non-compliant",
    );
  });

  it("does not apply to a stack without a trail", () => {
    assert.equal(
      single(checkLogGroupEncryption(without(compliantStack(), "org-trail"))).status,
      "not-applicable",
    );
  });

  it("passes an unknown key ARN the engine traces to a KMS key, and cannot judge one it cannot trace", () => {
    assert.equal(single(checkLogGroupEncryption(previewStack())).status, "compliant");
    const untraced = withDependencies(
      withProps(compliantStack(), "trail-log-group", { kmsKeyId: UNKNOWN }),
      "trail-log-group",
      {},
    );
    const finding = single(checkLogGroupEncryption(untraced));
    assert.equal(finding.status, "unknown");
    assert.match(reasonOf(finding), /^`kmsKeyId` of LogGroup "trail-log-group" is not known/);
  });

  it("cannot verify a log group of another stack", () => {
    const result = single(checkLogGroupEncryption(without(compliantStack(), "trail-log-group")));
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /^cannot verify: .*log group/);
  });

  it("fails a key of blanks, which names no key", () => {
    const stack = withProps(compliantStack(), "trail-log-group", { kmsKeyId: "  " });
    assert.equal(single(checkLogGroupEncryption(stack)).status, "non-compliant");
  });

  it("says which property links the trail to its group, and which policy reports it missing", () => {
    const noGroup = withProps(compliantStack(), "org-trail", { cloudWatchLogsGroupArn: undefined });
    assert.match(
      reasonOf(single(checkLogGroupEncryption(noGroup))),
      /has no `cloudWatchLogsGroupArn` \(cloudtrail-cloudwatch-logs reports that\)/,
    );
  });
});
