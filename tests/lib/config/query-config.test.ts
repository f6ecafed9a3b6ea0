import assert from "node:assert/strict";
import { ConfigError, validateStackConfig } from "../../../lib/config/validate";
import { rawConfig } from "../../support/raw-config";

function problems(values: Record<string, unknown>): string[] {
  try {
    validateStackConfig(rawConfig(values));
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  return [];
}

describe("org-governance:query", () => {
  it("defaults: enabled, results kept 30 days, 10 GiB scanned at most, no Lake store", () => {
    const { query } = validateStackConfig(rawConfig());
    assert.deepEqual(query, { enabled: true, resultsRetentionDays: 30, bytesScannedCutoff: 10_737_418_240 });
  });

  it("rejects each bad value in one line naming the key and the fix", () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ resultsRetentionDays: 0 }, /^org-governance:query\.resultsRetentionDays: .*positive number of days/],
      [{ bytesScannedCutoff: 1000 }, /^org-governance:query\.bytesScannedCutoff: .*at least 10485760 bytes/],
      [
        { lake: { eventDataStoreArn: "EXAMPLE-f852" } },
        /^org-governance:query\.lake\.eventDataStoreArn: .*event data store ARN/,
      ],
      [{ enabled: "yes" }, /^org-governance:query\.enabled: /],
      [{ retention: 3 }, /^org-governance:query/],
    ];
    for (const [query, expected] of cases) {
      const found = problems({ query });
      assert.equal(found.length, 1, found.join("\n"));
      assert.match(found[0], expected);
    }
  });
});
