import assert from "node:assert/strict";
import { unknownCheckingProxy } from "@pulumi/policy";
import {
  UNKNOWN_SENTINELS,
  containsUnknown,
  isUnknown,
  toPlainProps,
} from "../../../policy-pack/lib/unknown";

const UNKNOWN_NUMBER = "3eeb2bf0-c639-47a8-9e75-3b44932eb421";
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function proxied(props: Record<string, unknown>): Record<string, unknown> {
  return (unknownCheckingProxy as (value: unknown) => Record<string, unknown>)(props);
}

describe("unknown values", () => {
  it("recognises the seven sentinels and nothing else", () => {
    assert.equal(UNKNOWN_SENTINELS.size, 7);
    assert.ok(isUnknown(UNKNOWN_STRING));
    assert.ok(!isUnknown("arn:aws:kms:eu-west-1:111122223333:key/1"));
    assert.ok(!isUnknown(undefined));
  });

  it("finds unknowns nested in arrays and objects", () => {
    assert.ok(containsUnknown([{ fieldSelectors: [{ equals: [UNKNOWN_STRING] }] }]));
    assert.ok(!containsUnknown([{ fieldSelectors: [{ equals: ["Management"] }] }]));
  });

  it("copies the SDK's throwing proxy into plain data that keeps every unknown as its sentinel", () => {
    const props = proxied({
      kmsKeyId: UNKNOWN_STRING,
      isMultiRegionTrail: true,
      rule: { defaultRetention: { days: UNKNOWN_NUMBER, mode: "COMPLIANCE" } },
      advancedEventSelectors: [
        { fieldSelectors: [{ field: "eventCategory", equals: ["Management", UNKNOWN_STRING] }] },
      ],
    });
    assert.throws(() => props.kmsKeyId, /can't be known during preview/);
    assert.deepEqual(toPlainProps(props), {
      kmsKeyId: UNKNOWN_STRING,
      isMultiRegionTrail: true,
      rule: { defaultRetention: { days: UNKNOWN_NUMBER, mode: "COMPLIANCE" } },
      advancedEventSelectors: [
        { fieldSelectors: [{ field: "eventCategory", equals: ["Management", UNKNOWN_STRING] }] },
      ],
    });
  });

  it("returns an empty object for anything that is not an object", () => {
    assert.deepEqual(toPlainProps(undefined), {});
    assert.deepEqual(toPlainProps(null), {});
    assert.deepEqual(toPlainProps([1, 2]), {});
  });

  it("lets errors other than the SDK's unknown-value error through, so a broken read is never taken for a preview value", () => {
    const broken = {
      get kmsKeyId(): unknown {
        throw new RangeError("broken getter");
      },
    };
    assert.throws(() => toPlainProps(broken), RangeError);
  });
});
