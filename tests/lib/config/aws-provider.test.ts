import assert from "node:assert/strict";
import { awsProviderSettings } from "../../../lib/config/aws-provider";
import { ConfigError, validateStackConfig } from "../../../lib/config/validate";
import { ofType, plan, stackConfig } from "../../support/plan";
import { rawConfig } from "../../support/raw-config";

// "Resource providers" (https://www.pulumi.com/docs/iac/concepts/resources/providers/): the stack's `aws:`
// keys configure the default provider only; an explicit provider takes its arguments alone.
describe("the stack's aws: settings and the program's explicit providers", () => {
  it("carries profile, shared files and validation switches, typed as the provider takes them", () => {
    const { settings, problems } = awsProviderSettings({
      "aws:region": "eu-west-1",
      "aws:profile": "123",
      "aws:sharedCredentialsFiles": '["/home/ci/.aws/credentials"]',
      "aws:sharedConfigFiles": '["/home/ci/.aws/config"]',
      "aws:skipCredentialsValidation": "true",
      "aws:maxRetries": "5",
      "aws:retryMode": "adaptive",
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      profile: "123",
      sharedCredentialsFiles: ["/home/ci/.aws/credentials"],
      sharedConfigFiles: ["/home/ci/.aws/config"],
      skipCredentialsValidation: true,
      maxRetries: 5,
      retryMode: "adaptive",
    });
  });

  it("refuses static keys in one line that says to use AWS_PROFILE", () => {
    assert.deepEqual(awsProviderSettings({ "aws:accessKey": "AKIAIOSFODNN7EXAMPLE" }).problems, [
      "aws:accessKey: not passed to the program's providers (static keys in the stack config; run with AWS_PROFILE (or aws:profile) or environment credentials); remove it",
    ]);
  });

  it("refuses what the program decides itself, and unknown keys, one line each", () => {
    const { problems } = awsProviderSettings({
      "aws:allowedAccountIds": '["111122223333"]',
      "aws:defaultTags": '{"tags":{}}',
      "aws:profil": "ops",
    });
    assert.deepEqual(problems, [
      "aws:allowedAccountIds: not passed to the program's providers (the program pins each provider to its own account from the organization); remove it",
      "aws:defaultTags: not passed to the program's providers (set the tags with org-governance:tags); remove it",
      'aws:profil: not a setting the program passes to its providers (got "ops"); remove it',
    ]);
  });

  it("names the key and the value of a malformed setting", () => {
    assert.throws(
      () => validateStackConfig({ ...rawConfig(), "aws:skipCredentialsValidation": "yes" }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.join("\n") ===
          'aws:skipCredentialsValidation: expected boolean, received string (got "yes")',
    );
  });

  it("passes aws:profile and the shared files to both providers of the plan", async () => {
    const planned = await plan({
      ...stackConfig(),
      "aws:profile": "org-management",
      "aws:sharedCredentialsFiles": '["/etc/aws/credentials"]',
    });
    const providers = ofType(planned, "pulumi:providers:aws");
    assert.deepEqual(providers.map((p) => p.urn.split("::").pop()).sort(), [
      "log-archive-account",
      "management-account",
    ]);
    for (const provider of providers) {
      assert.equal(provider.inputs.profile, "org-management", provider.urn);
      assert.deepEqual(JSON.parse(String(provider.inputs.sharedCredentialsFiles)), ["/etc/aws/credentials"]);
    }
  });
});
