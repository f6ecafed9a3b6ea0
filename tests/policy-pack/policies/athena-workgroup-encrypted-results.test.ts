import assert from "node:assert/strict";
import * as athena from "@pulumi/aws/athena";
import {
  ATHENA_WORKGROUP,
  checkWorkgroupEncryptedResults,
} from "../../../policy-pack/policies/athena-workgroup-encrypted-results";
import type { ResourceView } from "../../../policy-pack/lib/wrap";
import { UNKNOWN, otherResource, reasonOf } from "../fixtures";

function workgroup(configuration: unknown): ResourceView {
  return {
    type: ATHENA_WORKGROUP,
    urn: `urn:pulumi:dev::p::${ATHENA_WORKGROUP}::wg`,
    name: "wg",
    props: { name: "wg", configuration },
  };
}

const encrypted = (option: unknown, enforce?: unknown) => ({
  ...(enforce !== undefined && { enforceWorkgroupConfiguration: enforce }),
  resultConfiguration: {
    outputLocation: "s3://results/",
    encryptionConfiguration: { encryptionOption: option },
  },
});

// "Encrypting Athena query results stored in Amazon S3" and "Workgroup settings override client-side
// settings" (Athena user guide).
describe("athena-workgroup-encrypted-results", () => {
  it("reads the type token @pulumi/aws 7 registers", () => {
    assert.equal((athena.Workgroup as unknown as { __pulumiType: string }).__pulumiType, ATHENA_WORKGROUP);
  });

  it("passes a workgroup that enforces SSE-KMS results", () => {
    assert.equal(checkWorkgroupEncryptedResults(workgroup(encrypted("SSE_KMS", true))).status, "compliant");
    assert.equal(
      checkWorkgroupEncryptedResults(workgroup(encrypted("SSE_S3"))).status,
      "compliant",
      "enforcement defaults to on",
    );
    assert.equal(checkWorkgroupEncryptedResults(workgroup(encrypted("CSE_KMS", true))).status, "compliant");
  });

  it("fails a workgroup without result encryption", () => {
    for (const configuration of [undefined, {}, encrypted(undefined, true)]) {
      const result = checkWorkgroupEncryptedResults(workgroup(configuration));
      assert.equal(result.status, "non-compliant");
      assert.match(reasonOf(result), /does not encrypt query results; set .*encryptionOption to SSE_KMS/);
    }
  });

  it("fails a workgroup whose clients may override the encryption", () => {
    const result = checkWorkgroupEncryptedResults(workgroup(encrypted("SSE_KMS", false)));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /set enforceWorkgroupConfiguration: true/);
  });

  it("cannot judge unknown values, and names the one it waits for", () => {
    const cases: [unknown, RegExp][] = [
      [UNKNOWN, /the configuration of wg/],
      [encrypted("SSE_KMS", UNKNOWN), /`enforceWorkgroupConfiguration` of wg/],
      [encrypted(UNKNOWN), /the result encryption of wg/],
    ];
    for (const [configuration, reason] of cases) {
      const result = checkWorkgroupEncryptedResults(workgroup(configuration));
      assert.equal(result.status, "unknown");
      assert.match(reasonOf(result), reason);
    }
  });

  it("does not apply to other resource types, naming the one it reads", () => {
    const result = checkWorkgroupEncryptedResults(otherResource());
    assert.equal(result.status, "not-applicable");
    assert.match(reasonOf(result), /aws:athena\/workgroup:Workgroup/);
  });
});
