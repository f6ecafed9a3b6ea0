import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PolicyCheckInputError, PolicyPackError } from "../../../tools/policy-check/errors";
import {
  openPolicyPackSession,
  type PolicyPackSession,
} from "../../../tools/policy-check/policy-pack-session";
import { parseDeployment } from "../../../tools/policy-check/read-deployment";
import type { PolicyReport } from "../../../tools/policy-check/report";
import { DEFAULT_PACK_DIR, runPolicyCheck } from "../../../tools/policy-check/run-policy-check";
import { compliantStack } from "../../policy-pack/fixtures";
import {
  awsProvider,
  deploymentOf,
  mixedTrailsDeployment,
  providerReference,
  rootStack,
  TRAIL_TYPE,
  urnOf,
  type ResourceState,
} from "./deployment-builders";
import { processesIn } from "./processes";

const PACKS = resolve(__dirname, "../../fixtures/policy-packs");
const MINIMAL_PACK = join(PACKS, "minimal");
const HEAVY = process.env.ORG_GOV_HEAVY === "1";

function writeJson(name: string, document: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "policy-check-run-")), name);
  writeFileSync(path, typeof document === "string" ? document : JSON.stringify(document));
  return path;
}

describe("runPolicyCheck", () => {
  it("checks a state file with a policy config end to end, and stops the pack afterwards", async () => {
    const report = await runPolicyCheck({
      statePath: writeJson("state.json", mixedTrailsDeployment()),
      policyConfigPath: writeJson("config.json", { "fixture-trail-log-validation": "mandatory" }),
      packDir: MINIMAL_PACK,
    });
    assert.deepEqual(
      report.violations.map((violation) => `${violation.enforcementLevel} ${violation.policyName}`),
      ["mandatory fixture-trail-multi-region", "mandatory fixture-trail-log-validation"],
    );
    assert.equal(report.resourcesAnalyzed, 4);
    assert.deepEqual(processesIn(MINIMAL_PACK), []);
  });

  it("accepts a parsed document instead of a file, as `npm run plan` passes its export", async () => {
    const report = await runPolicyCheck({ state: mixedTrailsDeployment(), packDir: MINIMAL_PACK });
    assert.equal(report.violations.length, 2);
  });

  it("rejects a malformed state before starting any pack", async () => {
    const document = mixedTrailsDeployment();
    document.deployment.resources[2].custom = "yes" as never;
    const statePath = writeJson("state.json", document);
    // The pack directory does not exist: only an error about the state proves the state was read first.
    await assert.rejects(runPolicyCheck({ statePath, packDir: join(PACKS, "missing") }), (error: unknown) => {
      assert.ok(error instanceof PolicyCheckInputError);
      assert.equal(error.lines.length, 1);
      assert.ok(error.lines[0].startsWith(`${statePath}: deployment.resources[2].custom: expected boolean`));
      assert.ok(error.lines[0].endsWith('(got "yes")'), error.lines[0]);
      return true;
    });
  });

  it("rejects a malformed policy config before starting any pack", async () => {
    const policyConfigPath = writeJson("config.json", '{"fixture-trail-multi-region": "strict"');
    await assert.rejects(
      runPolicyCheck({ state: mixedTrailsDeployment(), policyConfigPath, packDir: join(PACKS, "missing") }),
      /config\.json: the policy config is not valid JSON/,
    );
  });

  it("reports a pack that fails to start as a PolicyPackError naming the pack and its error", async () => {
    await assert.rejects(
      runPolicyCheck({ state: mixedTrailsDeployment(), packDir: join(PACKS, "fails-to-start") }),
      (error: unknown) => {
        assert.ok(error instanceof PolicyPackError);
        assert.match(
          error.message,
          /fails-to-start exited with code \d+: Error: fixture pack failed on purpose/,
        );
        return true;
      },
    );
  });

  it("reports a policy that throws as the pack's failure, naming the call and the error", async () => {
    const state = deploymentOf([
      { urn: urnOf("test:index:Throws", "odd"), custom: true, type: "test:index:Throws" },
    ]);
    await assert.rejects(runPolicyCheck({ state, packDir: join(PACKS, "misbehaving") }), (error: unknown) => {
      assert.ok(error instanceof PolicyPackError);
      assert.match(
        error.message,
        /misbehaving failed during Analyze of urn:\S+::odd: .*policy 'fixture-throws'.* Error: cannot judge odd$/,
      );
      return true;
    });
  });

  it("gives up on a policy that never finishes once the call deadline passes", async () => {
    const state = deploymentOf([
      { urn: urnOf("test:index:Hangs", "stuck"), custom: true, type: "test:index:Hangs" },
    ]);
    const packDir = join(PACKS, "misbehaving");
    await assert.rejects(
      runPolicyCheck({ state, packDir, callTimeoutMs: 1000 }),
      /misbehaving did not answer Analyze of urn:\S+::stuck within 1 s; a policy may be stuck$/,
    );
    assert.deepEqual(processesIn(packDir), []);
  });

  it("runs a pack that cannot be precompiled from source, without type-checking it", async () => {
    const report = await runPolicyCheck({
      state: mixedTrailsDeployment(),
      packDir: join(PACKS, "reads-own-directory"),
    });
    assert.equal(report.pack.loading, "source, not type-checked");
    assert.match(report.logs?.[0] ?? "", /^not precompiled: .*depends on its own location/);
    assert.deepEqual(
      report.violations.map((violation) => violation.message.split("\n")[1]),
      ["Region us-east-1 is not one of eu-west-1, eu-central-1"],
    );
  });

  it("defaults to the repository's own pack", () => {
    assert.equal(DEFAULT_PACK_DIR, resolve(__dirname, "../../../policy-pack"));
  });
});

/** The stack the org-governance program deploys, as a state export, with `breakTrail` applied to the trail. */
function organizationState(breakTrail: Record<string, unknown> = {}): ReturnType<typeof deploymentOf> {
  const provider = awsProvider({ region: "eu-west-1" });
  const resources: ResourceState[] = compliantStack().map((resource) => {
    const props = resource.type === TRAIL_TYPE ? { ...resource.props, ...breakTrail } : resource.props;
    return {
      urn: resource.urn,
      custom: true,
      type: resource.type,
      id: resource.name,
      inputs: props,
      outputs: props,
      provider: providerReference(provider),
      dependencies: [],
      propertyDependencies: Object.fromEntries(
        Object.entries(resource.propertyDependencies).map(([property, urns]) => [property, [...urns]]),
      ),
    };
  });
  return deploymentOf([rootStack(), provider, ...resources]);
}

const mandatoryNames = (report: PolicyReport) =>
  report.violations
    .filter((violation) => violation.enforcementLevel === "mandatory")
    .map((violation) => violation.policyName)
    .sort();

describe("the org-governance policy pack over a state export (policy-pack/)", () => {
  let session: PolicyPackSession;
  const check = (document: ReturnType<typeof deploymentOf>) =>
    session.check({ deployment: parseDeployment(document, "state.json") });

  before(async () => {
    session = await openPolicyPackSession({ packDir: DEFAULT_PACK_DIR });
  });

  after(async () => {
    await session?.close();
  });

  it("passes the stack the program deploys", async () => {
    const report = await check(organizationState());
    assert.equal(report.pack.name, "org-governance");
    assert.deepEqual(report.violations, []);
  });

  it("names exactly the settings broken on a deliberately broken trail, as mandatory violations of the trail", async () => {
    const report = await check(
      organizationState({
        isMultiRegionTrail: false,
        enableLogFileValidation: false,
        includeGlobalServiceEvents: false,
      }),
    );
    assert.deepEqual(mandatoryNames(report), [
      "cloudtrail-global-service-events",
      "cloudtrail-log-file-validation",
      "cloudtrail-multi-region",
    ]);
    assert.deepEqual(
      report.violations.filter((violation) => violation.enforcementLevel !== "mandatory"),
      [],
    );
    for (const violation of report.violations) {
      assert.equal(violation.resourceType, TRAIL_TYPE);
      assert.ok(violation.remediation, `${violation.policyName} has no remediation steps`);
    }
  });

  it("reports a trail that stopped logging", async () => {
    const report = await check(organizationState({ enableLogging: false }));
    assert.deepEqual(mandatoryNames(report), ["cloudtrail-logging-enabled"]);
  });

  if (HEAVY) {
    it("finds the same violations when the pack is type-checked, exactly as the CLI runs it", async function () {
      this.timeout(240_000);
      const broken = organizationState({ isMultiRegionTrail: false, enableLogging: false });
      const fast = await check(broken);
      const exact = await openPolicyPackSession({ packDir: DEFAULT_PACK_DIR, compileMode: "type-check" });
      try {
        const report = await exact.check({ deployment: parseDeployment(broken, "state.json") });
        assert.equal(report.pack.loading, "source, type-checked");
        assert.deepEqual(report.violations, fast.violations);
      } finally {
        await exact.close();
      }
    });
  }
});
