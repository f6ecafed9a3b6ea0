import assert from "node:assert/strict";
import { checkKeyRotation } from "../../../policy-pack/policies/trail-kms-key-rotation";
import {
  KEY_ARN,
  KEY_ID,
  UNKNOWN,
  compliantStack,
  previewStack,
  reasonOf,
  resource,
  single,
  urnNamed,
  withProps,
  without,
} from "../fixtures";

describe("trail-kms-key-rotation", () => {
  it("passes a rotating key found by its ARN, and reports on the key", () => {
    const finding = single(checkKeyRotation(compliantStack()));
    assert.equal(finding.status, "compliant");
    assert.equal(finding.urn, urnNamed(compliantStack(), "trail-key"));
  });

  it("finds the key by bare key id and through an alias", () => {
    assert.equal(
      single(checkKeyRotation(withProps(compliantStack(), "org-trail", { kmsKeyId: KEY_ID }))).status,
      "compliant",
    );
    const alias = resource("aws:kms/alias:Alias", "trail-key-alias", {
      name: "alias/org-trail",
      targetKeyId: KEY_ID,
    });
    const stack = withProps(
      withProps([...compliantStack(), alias], "org-trail", { kmsKeyId: "alias/org-trail" }),
      "trail-key",
      { enableKeyRotation: false },
    );
    assert.equal(single(checkKeyRotation(stack)).status, "non-compliant");
  });

  it("fails a key without rotation", () => {
    const result = single(
      checkKeyRotation(withProps(compliantStack(), "trail-key", { enableKeyRotation: false })),
    );
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /Key "trail-key" does not rotate \(`enableKeyRotation` is false\)/);
  });

  it("fails a key that leaves rotation unset", () => {
    const result = single(
      checkKeyRotation(withProps(compliantStack(), "trail-key", { enableKeyRotation: undefined })),
    );
    assert.match(reasonOf(result), /is not set/);
  });

  it("does not apply to a stack without a trail, nor to a trail without a key", () => {
    assert.equal(single(checkKeyRotation(without(compliantStack(), "org-trail"))).status, "not-applicable");
    const noKey = single(checkKeyRotation(withProps(compliantStack(), "org-trail", { kmsKeyId: undefined })));
    assert.equal(noKey.status, "not-applicable");
    assert.match(reasonOf(noKey), /has no `kmsKeyId` \(cloudtrail-kms-encryption reports that\)/);
  });

  it("judges the key in preview through the trail's dependency on it", () => {
    assert.equal(single(checkKeyRotation(previewStack())).status, "compliant");
  });

  it("cannot judge an unknown key reference without a dependency, nor a key of another stack", () => {
    const unknownKey = withProps(without(compliantStack(), "trail-key"), "org-trail", { kmsKeyId: UNKNOWN });
    const pending = single(checkKeyRotation(unknownKey));
    assert.equal(pending.status, "unknown");
    assert.match(
      reasonOf(pending),
      /^which KMS key Trail "org-trail" uses \(`kmsKeyId`\) is not known during preview/,
    );
    const foreign = single(checkKeyRotation(without(compliantStack(), "trail-key")));
    assert.equal(foreign.status, "unknown");
    assert.match(reasonOf(foreign), new RegExp(`^cannot verify: .* uses KMS key "${KEY_ARN}"`));
  });

  it("judges the trail's own key, not a rotating key elsewhere in the stack", () => {
    const decoy = resource("aws:kms/key:Key", "decoy-key", {
      arn: KEY_ARN.replace(KEY_ID, "5678efgh-12ab-34cd-56ef-1234567890ab"),
      keyId: "5678efgh-12ab-34cd-56ef-1234567890ab",
      enableKeyRotation: true,
    });
    const stack = [decoy, ...withProps(compliantStack(), "trail-key", { enableKeyRotation: false })];
    const result = single(checkKeyRotation(stack));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /Key "trail-key" does not rotate/);
  });

  it("cannot judge a key whose rotation setting is unknown in preview, naming the setting", () => {
    const result = single(
      checkKeyRotation(withProps(compliantStack(), "trail-key", { enableKeyRotation: UNKNOWN })),
    );
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /^`enableKeyRotation` of Key "trail-key" is not known during preview/);
  });
});
