import assert from "node:assert/strict";
import { resolve } from "node:path";
import { PolicyCheckInputError } from "../../../tools/policy-check/errors";
import type { PolicyConfig } from "../../../tools/policy-check/policy-config-file";
import {
  openPolicyPackSession,
  type PolicyPackSession,
} from "../../../tools/policy-check/policy-pack-session";
import { parseDeployment } from "../../../tools/policy-check/read-deployment";
import type { PolicyReport } from "../../../tools/policy-check/report";
import { SECRET_SIG, SIG_KEY } from "../../../tools/policy-check/wire-properties";
import {
  awsProvider,
  component,
  deploymentOf,
  mixedTrailsDeployment,
  rootStack,
  trail,
  TRAIL_TYPE,
  urnOf,
  type ResourceState,
} from "./deployment-builders";

const MINIMAL_PACK = resolve(__dirname, "../../fixtures/policy-packs/minimal");

const summary = (report: PolicyReport) =>
  report.violations.map(
    (violation) => `${violation.enforcementLevel} ${violation.policyName} ${violation.urn ?? "-"}`,
  );

describe("a policy pack session (minimal fixture pack, real process, real gRPC)", () => {
  let session: PolicyPackSession;
  const check = (
    resources: ResourceState[] | ReturnType<typeof deploymentOf>,
    policyConfig: PolicyConfig = {},
  ) =>
    session.check({
      deployment: parseDeployment(
        Array.isArray(resources) ? deploymentOf(resources) : resources,
        "state.json",
      ),
      policyConfig,
      policyConfigSource: "config.json",
    });

  before(async () => {
    session = await openPolicyPackSession({ packDir: MINIMAL_PACK });
  });

  after(async () => {
    await session?.close();
  });

  it("learns the pack's policies from GetAnalyzerInfo", () => {
    assert.equal(session.info.name, "org-governance-fixture");
    assert.deepEqual(
      session.info.policies.map((policy) => `${policy.name}:${policy.enforcementLevel}`),
      [
        "fixture-trail-multi-region:mandatory",
        "fixture-trail-log-validation:advisory",
        "fixture-stack-trail-count:mandatory",
      ],
    );
  });

  it("reports each violation with its level, resource, type and remediation", async () => {
    const report = await check(mixedTrailsDeployment());
    const legacy = urnOf(TRAIL_TYPE, "legacy-trail");
    assert.deepEqual(summary(report), [
      `mandatory fixture-trail-multi-region ${legacy}`,
      `advisory fixture-trail-log-validation ${legacy}`,
    ]);
    assert.equal(report.violations[0].resourceType, TRAIL_TYPE);
    assert.equal(report.violations[0].remediation, "Set isMultiRegionTrail: true on the trail.");
    assert.equal(
      report.violations[0].message,
      "A trail must record every region.\ntrail legacy-trail records a single region",
    );
    assert.equal(report.violations[1].remediation, undefined);
  });

  it("describes the pack as the CLI would: the version from PulumiPolicy.yaml and the policy SDK's version", async () => {
    const report = await check(mixedTrailsDeployment());
    assert.equal(report.pack.name, "org-governance-fixture");
    assert.equal(report.pack.version, "0.0.2");
    assert.match(report.pack.sdkVersion ?? "", /^\d+\.\d+\.\d+/);
    assert.ok(
      ["precompiled", "precompiled (cached)"].includes(report.pack.loading ?? ""),
      report.pack.loading,
    );
    assert.ok(report.timings.startMs > 0 && report.timings.analyzeMs >= 0 && report.timings.stackMs >= 0);
  });

  it("analyzes the root stack, components and providers too", async () => {
    const provider = awsProvider();
    const governance = component("org-governance:index:Governance", "governance");
    const report = await check([
      rootStack(),
      provider,
      governance,
      trail("org-trail", provider, {}, governance),
    ]);
    assert.equal(report.resourcesAnalyzed, 4);
    assert.deepEqual(report.violations, []);
  });

  it("lowers a mandatory policy to advisory when the policy config says so", async () => {
    const report = await check(mixedTrailsDeployment(), {
      "fixture-trail-multi-region": { enforcementLevel: "advisory" },
    });
    assert.deepEqual(
      report.violations.map((violation) => violation.enforcementLevel),
      ["advisory", "advisory"],
    );
    const levels = Object.fromEntries(
      report.pack.policies.map((policy) => [policy.name, policy.enforcementLevel]),
    );
    assert.equal(levels["fixture-trail-multi-region"], "advisory");
  });

  it("configures every policy at once with `all`, so disabled policies report nothing", async () => {
    const report = await check(mixedTrailsDeployment(), { all: { enforcementLevel: "disabled" } });
    assert.deepEqual(report.violations, []);
  });

  it("passes config properties to stack policies, whose violations name no resource", async () => {
    const report = await check(mixedTrailsDeployment(), {
      "fixture-stack-trail-count": { properties: { minimumTrails: 3 } },
    });
    const stackViolation = report.violations.find(
      (violation) => violation.policyName === "fixture-stack-trail-count",
    );
    assert.ok(stackViolation, JSON.stringify(report.violations));
    assert.equal(stackViolation.urn, undefined);
    assert.equal(stackViolation.enforcementLevel, "mandatory");
    assert.match(stackViolation.message, /found 2 trail\(s\), need at least 3/);
    assert.equal(stackViolation.remediation, "Add an organization trail to the stack.");
  });

  it("uses the schema's default when the config leaves a property out", async () => {
    const report = await check([rootStack()]);
    assert.deepEqual(summary(report), ["mandatory fixture-stack-trail-count -"]);
    assert.match(report.violations[0].message, /found 0 trail\(s\), need at least 1/);
  });

  it("shows policies the plaintext of a decrypted secret", async () => {
    const provider = awsProvider();
    const secretFalse = { [SIG_KEY]: SECRET_SIG, plaintext: "false" };
    const report = await check([provider, trail("org-trail", provider, { isMultiRegionTrail: secretFalse })]);
    assert.deepEqual(summary(report), [
      `mandatory fixture-trail-multi-region ${urnOf(TRAIL_TYPE, "org-trail")}`,
    ]);
  });

  it("treats an encrypted secret as unknown: the policy cannot run and says so, as during a preview", async () => {
    const provider = awsProvider();
    const encrypted = { [SIG_KEY]: SECRET_SIG, ciphertext: "v1:nonce:sealed" };
    const report = await check([provider, trail("org-trail", provider, { isMultiRegionTrail: encrypted })]);
    assert.equal(report.violations.length, 1);
    assert.equal(report.violations[0].enforcementLevel, "advisory");
    assert.match(
      report.violations[0].message,
      /can't run policy 'fixture-trail-multi-region'.*isMultiRegionTrail/,
    );
  });

  it("rejects settings the policy's schema forbids before anything is analyzed, and stays usable", async () => {
    await assert.rejects(
      check(mixedTrailsDeployment(), { "fixture-stack-trail-count": { properties: { minimumTrails: -1 } } }),
      (error: unknown) => {
        assert.ok(error instanceof PolicyCheckInputError);
        assert.match(error.lines[0], /^config\.json: fixture-stack-trail-count\.minimumTrails: /);
        return true;
      },
    );
    assert.equal((await check(mixedTrailsDeployment())).violations.length, 2);
  });
});
