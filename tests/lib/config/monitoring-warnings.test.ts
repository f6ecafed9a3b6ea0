import assert from "node:assert/strict";
import { monitoringWarnings } from "../../../lib/config/monitoring-warnings";
import { validateStackConfig } from "../../../lib/config/validate";
import { rawConfig } from "../../support/raw-config";

describe("monitoringWarnings", () => {
  it("warns that the alarms of a stack without e-mail addresses notify nobody, naming the key", () => {
    const config = validateStackConfig(rawConfig({ monitoring: { controls: "cis" } }), "dev");
    assert.deepEqual(monitoringWarnings(config), [
      "org-governance:monitoring.emails is empty: the 15 alarms publish to the SNS topic org-governance-dev-security-alarms, which notifies nobody; add addresses to org-governance:monitoring.emails or subscribe the topic yourself",
    ]);
  });

  it("says nothing when someone receives the alarms", () => {
    const config = validateStackConfig(rawConfig({ monitoring: { emails: ["secops@example.com"] } }));
    assert.deepEqual(monitoringWarnings(config), []);
  });
});
