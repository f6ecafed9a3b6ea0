import assert from "node:assert/strict";
import type { Policies } from "@pulumi/policy";
import * as server from "@pulumi/policy/server";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { cloudtrailKmsEncryption } from "../../../policy-pack/policies/cloudtrail-kms-encryption";
import { trailBucketObjectLock } from "../../../policy-pack/policies/trail-bucket-object-lock";
import { type ReportTarget, reportFindings } from "../../../policy-pack/lib/report";
import { TRAIL } from "../../../policy-pack/lib/resource-types";
import { advisory, nonCompliant, notApplicable } from "../../../policy-pack/lib/result";
import { UNKNOWN, compliantStack, trailProps, urnOf, withProps } from "../fixtures";
import type { Stack } from "../../../policy-pack/lib/stack";

/**
 * These tests drive the policies through @pulumi/policy's own request handlers, the code the Pulumi CLI
 * talks to over gRPC, to pin how findings reach the engine: the SDK's unknown-value proxy, the
 * undeclared object form of reportViolation, and not-applicable reporting.
 */
type Handler = (
  call: { request: unknown },
  callback: (error: unknown, response?: analyzer.AnalyzeResponse) => void,
) => Promise<void>;

interface ServerInternals {
  makeAnalyzeRpcFun(name: string, version: string, level: string, policies: Policies): Handler;
  makeAnalyzeStackRpcFun(name: string, version: string, level: string, policies: Policies): Handler;
}

const internals = server as unknown as ServerInternals;

function options(): analyzer.AnalyzerResourceOptions {
  return new analyzer.AnalyzerResourceOptions();
}

async function call(handler: Handler, request: unknown): Promise<analyzer.AnalyzeResponse> {
  return new Promise((resolve, reject) => {
    void handler({ request }, (error, response) => (error || !response ? reject(error) : resolve(response)));
  });
}

async function analyzeTrail(props: Record<string, unknown>) {
  const request = new analyzer.AnalyzeRequest();
  request.setType(TRAIL[0]);
  request.setUrn(urnOf(TRAIL[0], "org-trail"));
  request.setName("org-trail");
  request.setProperties(Struct.fromJavaScript(props as Parameters<typeof Struct.fromJavaScript>[0]));
  request.setOptions(options());
  const handler = internals.makeAnalyzeRpcFun("org-governance", "0.1.0", "advisory", [
    cloudtrailKmsEncryption,
  ]);
  return call(handler, request);
}

async function analyzeStack(stack: Stack) {
  const request = new analyzer.AnalyzeStackRequest();
  request.setResourcesList(
    stack.map((r) => {
      const resource = new analyzer.AnalyzerResource();
      resource.setType(r.type);
      resource.setUrn(r.urn);
      resource.setName(r.name);
      resource.setProperties(Struct.fromJavaScript(r.props as Parameters<typeof Struct.fromJavaScript>[0]));
      resource.setOptions(options());
      return resource;
    }),
  );
  const handler = internals.makeAnalyzeStackRpcFun("org-governance", "0.1.0", "advisory", [
    trailBucketObjectLock,
  ]);
  return call(handler, request);
}

const MANDATORY = analyzer.EnforcementLevel.MANDATORY;
const ADVISORY = analyzer.EnforcementLevel.ADVISORY;

describe("reporting through @pulumi/policy", () => {
  it("reports a violation at the policy's own level, with the description and the reason", async () => {
    const props = trailProps();
    delete props.kmsKeyId;
    const [diagnostic, ...rest] = (await analyzeTrail(props)).getDiagnosticsList();
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.getEnforcementlevel(), MANDATORY);
    assert.equal(diagnostic.getPolicyname(), "cloudtrail-kms-encryption");
    assert.match(diagnostic.getMessage(), /^The trail encrypts its log files .*\n`kmsKeyId` is not set/);
  });

  it("reports an unknown value as an advisory from a mandatory policy, in the policy's own words", async () => {
    const [diagnostic, ...rest] = (
      await analyzeTrail({ ...trailProps(), kmsKeyId: UNKNOWN })
    ).getDiagnosticsList();
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.getEnforcementlevel(), ADVISORY);
    assert.match(
      diagnostic.getMessage(),
      /`kmsKeyId` is not known during preview; it is checked again during `pulumi up`/,
    );
  });

  it("reports nothing for a compliant trail", async () => {
    assert.deepEqual((await analyzeTrail(trailProps())).getDiagnosticsList(), []);
  });

  it("reports a bucket of another stack as an advisory 'cannot verify' on the trail", async () => {
    const stack = withProps(compliantStack(), "org-trail", { s3BucketName: "central-archive" });
    const [diagnostic, ...rest] = (await analyzeStack(stack)).getDiagnosticsList();
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.getEnforcementlevel(), ADVISORY);
    assert.equal(diagnostic.getUrn(), urnOf(TRAIL[0], "org-trail"));
    assert.match(
      diagnostic.getMessage(),
      /cannot verify: Trail "org-trail" delivers to bucket "central-archive"/,
    );
  });

  it("reports a stack without a trail as not applicable, with the reason", async () => {
    const response = await analyzeStack(compliantStack().filter((r) => r.type !== TRAIL[0]));
    assert.deepEqual(response.getDiagnosticsList(), []);
    const [notApplicable] = response.getNotApplicableList();
    assert.equal(notApplicable.getPolicyName(), "trail-bucket-object-lock");
    assert.match(notApplicable.getReason(), /has no aws:cloudtrail\/trail:Trail/);
  });
});

describe("reportFindings", () => {
  interface Recorded {
    violations: unknown[][];
    notApplicable: (string | undefined)[];
  }

  function target(): { target: ReportTarget; recorded: Recorded } {
    const recorded: Recorded = { violations: [], notApplicable: [] };
    const reportViolation = (...args: unknown[]) => void recorded.violations.push(args);
    return {
      recorded,
      target: {
        description: "What the policy wants.",
        reportViolation: reportViolation as ReportTarget["reportViolation"],
        notApplicable: ((reason?: string) =>
          void recorded.notApplicable.push(reason)) as ReportTarget["notApplicable"],
      },
    };
  }

  it("reports the same violation once", () => {
    const { target: to, recorded } = target();
    const finding = { ...nonCompliant("no digests"), urn: "urn:t" };
    reportFindings([finding, finding], to);
    assert.deepEqual(recorded.violations, [["no digests", "urn:t"]]);
  });

  it("reports an advisory note as an advisory diagnostic, without a urn key for a stack-wide one", () => {
    const { target: to, recorded } = target();
    reportFindings([advisory("worth a look")], to);
    assert.deepEqual(recorded.violations, [
      [{ message: "What the policy wants.\nworth a look", enforcementLevel: "advisory" }],
    ]);
  });

  it("joins distinct not-applicable reasons, and says nothing when there are no findings at all", () => {
    const { target: to, recorded } = target();
    reportFindings([notApplicable("no trail"), notApplicable("no bucket"), notApplicable("no trail")], to);
    assert.deepEqual(recorded.notApplicable, ["no trail; no bucket"]);
    const { target: empty, recorded: none } = target();
    reportFindings([], empty);
    assert.deepEqual(none, { violations: [], notApplicable: [] });
  });
});
