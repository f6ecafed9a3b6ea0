import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { DEFAULT_PACK_DIR } from "../../../tools/policy-check";
import { openPolicyPackSession } from "../../../tools/policy-check/policy-pack-session";
import { parseDeployment } from "../../../tools/policy-check/read-deployment";
import type { PolicyReport } from "../../../tools/policy-check/report";
import { toStackExport, type StackExport } from "../../../tools/plan/stack-export";
import { main as policyCheck } from "../../../tools/policy-check/command";
import { buildPolicyPack, REPOSITORY_ROOT, type BuiltPack } from "../../../tools/policy-build/build-pack";
import { installFromNodeModules } from "../../support/offline-install";
import { prodPlan } from "../../support/plan";

const TRAIL_TYPE = "aws:cloudtrail/trail:Trail";

/** The sample plan (the prod stack against the shipped sample organization) with its trail's settings broken. */
function withBrokenTrail(plan: StackExport): StackExport {
  const broken = { isMultiRegionTrail: false, enableLogFileValidation: false, enableLogging: false };
  return {
    ...plan,
    deployment: {
      ...plan.deployment,
      resources: plan.deployment.resources.map((resource) =>
        resource.type === TRAIL_TYPE
          ? {
              ...resource,
              inputs: { ...resource.inputs, ...broken },
              outputs: { ...resource.outputs, ...broken },
            }
          : resource,
      ),
    },
  };
}

/** What a reader compares between two packs: every policy with its level, and every violation in full. */
function verdicts(report: PolicyReport) {
  return {
    pack: { name: report.pack.name, version: report.pack.version, policies: report.pack.policies },
    violations: report.violations,
    resourcesAnalyzed: report.resourcesAnalyzed,
  };
}

describe("npm run policy:build: the built pack stands alone", function () {
  // One build, one offline install, one start of each pack; starting a JavaScript pack loads the TypeScript
  // that @pulumi/pulumi vendors for its runner, which takes a few seconds on a shared machine.
  this.timeout(180_000);

  let workDir: string;
  let packDir: string;
  let built: BuiltPack;
  let installed: string[];
  let samplePlan: StackExport;
  let brokenPlan: StackExport;
  const planFile = () => join(workDir, "plan.json");

  before(async () => {
    workDir = realpathSync(mkdtempSync(join(tmpdir(), "org-governance-built-pack-")));
    packDir = join(workDir, "pack");
    built = await buildPolicyPack({ outDir: packDir });
    installed = installFromNodeModules(packDir, REPOSITORY_ROOT);
    samplePlan = toStackExport(await prodPlan(), new Date("2026-11-27T00:00:00Z"));
    brokenPlan = withBrokenTrail(samplePlan);
    writeFileSync(planFile(), JSON.stringify(brokenPlan));
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("is built in a directory outside the repository, with nothing there but the pack", () => {
    assert.ok(relative(REPOSITORY_ROOT, packDir).startsWith(".."), packDir);
    assert.deepEqual(readdirSync(packDir).sort(), [...built.files, "node_modules"].sort());
  });

  it("declares only @pulumi/policy and @pulumi/pulumi, pinned to the versions the root lock installed", () => {
    const manifest = JSON.parse(readFileSync(join(packDir, "package.json"), "utf8")) as {
      main: string;
      version: string;
      dependencies: Record<string, string>;
    };
    const lock = JSON.parse(readFileSync(join(REPOSITORY_ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version: string }>;
    };
    const rootVersion = (
      JSON.parse(readFileSync(join(REPOSITORY_ROOT, "package.json"), "utf8")) as { version: string }
    ).version;
    assert.deepEqual(manifest.dependencies, {
      "@pulumi/policy": lock.packages["node_modules/@pulumi/policy"].version,
      "@pulumi/pulumi": lock.packages["node_modules/@pulumi/pulumi"].version,
    });
    assert.equal(manifest.version, rootVersion);
    assert.equal(manifest.main, "index.js");
    assert.match(readFileSync(join(packDir, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
  });

  it("requires nothing but Node's built-in modules and its two declared packages", () => {
    const bundle = readFileSync(join(packDir, "index.js"), "utf8");
    const required = [...new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]))];
    const undeclared = required.filter((path) => {
      const bare = path.replace(/^node:/, "");
      return !builtinModules.includes(bare) && !/^@pulumi\/(policy|pulumi)(\/|$)/.test(path);
    });
    assert.deepEqual(undeclared, []);
    assert.ok(required.includes("@pulumi/policy"), required.join(", "));
    // The catalog, the filter-pattern engine and its regular-expression engine are inside the bundle.
    assert.match(bundle, /^\/\/ lib\/controls\//m);
    assert.match(bundle, /^\/\/ lib\/filter-pattern\//m);
    assert.match(bundle, /^\/\/ node_modules\/re2js\//m);
  });

  it("cannot reach the repository's packages: what it did not declare is not installed", () => {
    assert.ok(
      installed.includes("@pulumi/policy") && installed.includes("@pulumi/pulumi"),
      installed.join(", "),
    );
    for (const name of ["zod", "re2js", "typescript", "ts-node", "@pulumi/aws"]) {
      assert.throws(() => require.resolve(name, { paths: [packDir] }), `${name} resolves from ${packDir}`);
    }
  });

  it("finds exactly what the in-repository pack finds, through `npm run policy:check --pack DIR`", async () => {
    let stdout = "";
    const stderr: string[] = [];
    const code = await policyCheck(["--state", planFile(), "--pack", packDir, "--json"], {
      stdout: (text) => (stdout += text),
      stderr: (text) => stderr.push(text),
      isTTY: false,
    });
    assert.equal(code, 1, stderr.join("\n"));
    const standalone = JSON.parse(stdout) as PolicyReport;

    const inRepository = await openPolicyPackSession({ packDir: DEFAULT_PACK_DIR });
    let reference: PolicyReport;
    let compliant: PolicyReport;
    try {
      reference = await inRepository.check({ deployment: parseDeployment(brokenPlan, "plan.json") });
      compliant = await inRepository.check({ deployment: parseDeployment(samplePlan, "plan.json") });
    } finally {
      await inRepository.close();
    }

    assert.deepEqual(verdicts(standalone), verdicts(reference));
    // The comparison is worth something only if the broken trail fails mandatory policies the sample passes.
    const mandatory = (report: PolicyReport) =>
      report.violations
        .filter((violation) => violation.enforcementLevel === "mandatory")
        .map((v) => v.policyName);
    assert.deepEqual(mandatory(compliant), []);
    assert.deepEqual(mandatory(standalone).sort(), [
      "cloudtrail-log-file-validation",
      "cloudtrail-logging-enabled",
      "cloudtrail-multi-region",
    ]);
  });
});
