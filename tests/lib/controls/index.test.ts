import { CORPUS_DIR } from "../../support/corpus";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileFilterPattern, type FilterMatcher } from "../../../lib/filter-pattern";
import { CIS_CONTROL_IDS, CONTROLS, type MonitoringControl } from "../../../lib/controls";

function describeRecord(record: Record<string, unknown>): string {
  const identity = record.userIdentity as { type?: string } | undefined;
  const error = record.errorCode ?? record.errorMessage;
  return `${String(record.eventSource)} ${String(record.eventName)} by ${identity?.type ?? "?"}${
    error === undefined ? "" : ` (${String(error)})`
  }`;
}

const compiled = new Map<string, FilterMatcher>();

/** Compiled on first use, so a pattern the engine rejects fails its own test instead of the file load. */
function matcherFor(control: MonitoringControl): FilterMatcher {
  let matcher = compiled.get(control.id);
  if (matcher === undefined) {
    matcher = compileFilterPattern(control.filterPattern);
    compiled.set(control.id, matcher);
  }
  return matcher;
}

function firingControls(record: unknown): string[] {
  return CONTROLS.filter((control) => matcherFor(control).matchesRecord(record)).map((c) => c.id);
}

describe("controls catalog", () => {
  it("has unique ids and metric names in the expected shapes", () => {
    const ids = CONTROLS.map((c) => c.id);
    const metrics = CONTROLS.map((c) => c.metricName);
    assert.equal(new Set(ids).size, ids.length, `duplicate id in ${ids.join(", ")}`);
    assert.equal(new Set(metrics).size, metrics.length, `duplicate metric in ${metrics.join(", ")}`);
    for (const control of CONTROLS) {
      assert.match(control.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, control.id);
      assert.match(control.metricName, /^[A-Z][a-z0-9]*([A-Z0-9][a-z0-9]*)*$/, control.metricName);
      assert.ok(
        control.rationale.length > 40 && !control.rationale.includes("\n"),
        `${control.id} rationale`,
      );
      assert.ok(control.trigger.length > 0, `${control.id} trigger`);
    }
  });

  it("lists the 15 CIS controls first, numbered 4.1 to 4.15 in both benchmark versions", () => {
    const cis = CONTROLS.slice(0, 15);
    assert.deepEqual(
      cis.map((c) => c.set),
      Array(15).fill("cis"),
    );
    assert.ok(CONTROLS.slice(15).every((c) => c.set === "extended"));
    const numbers = Array.from({ length: 15 }, (_, i) => `4.${i + 1}`);
    assert.deepEqual(
      cis.map((c) => c.cis.v1_4),
      numbers,
    );
    assert.deepEqual(
      cis.map((c) => c.cis.v3_0),
      numbers,
    );
    assert.deepEqual(
      CIS_CONTROL_IDS,
      cis.map((c) => c.id),
    );
  });

  it("covers Security Hub CloudWatch.1 to CloudWatch.14 exactly once each", () => {
    const hub = CONTROLS.flatMap((c) => (c.securityHub === undefined ? [] : [c.securityHub])).sort();
    const expected = Array.from({ length: 14 }, (_, i) => `CloudWatch.${i + 1}`).sort();
    assert.deepEqual(hub, expected);
    assert.equal(CONTROLS.find((c) => c.id === "organizations-changes")?.securityHub, undefined);
  });

  it("gives extended controls no CIS or Security Hub numbers and at least one corpus file each", () => {
    for (const control of CONTROLS.filter((c) => c.set === "extended")) {
      assert.deepEqual(control.cis, {}, control.id);
      assert.equal(control.securityHub, undefined, control.id);
      assert.ok((control.corpusEvidence ?? []).length > 0, `${control.id} has no corpus evidence`);
    }
    assert.ok(CONTROLS.filter((c) => c.set === "cis").every((c) => c.corpusEvidence === undefined));
  });

  it("compiles every pattern as a JSON pattern", () => {
    for (const control of CONTROLS) {
      const matcher = matcherFor(control);
      assert.equal(matcher.kind, "json", control.id);
      assert.equal(matcher.source, control.filterPattern, control.id);
    }
  });

  for (const control of CONTROLS) {
    describe(control.id, () => {
      it("matches every `matches` vector and none of the `ignores` vectors", () => {
        const matcher = matcherFor(control);
        assert.ok(control.vectors.matches.length > 0, "no positive vectors");
        assert.ok(control.vectors.ignores.length >= 4, "too few negative vectors");
        for (const record of control.vectors.matches) {
          assert.equal(matcher.matchesRecord(record), true, `should match ${describeRecord(record)}`);
          assert.equal(
            matcher.matchesMessage(JSON.stringify(record)),
            true,
            `message ${describeRecord(record)}`,
          );
        }
        for (const record of control.vectors.ignores) {
          assert.equal(matcher.matchesRecord(record), false, `should ignore ${describeRecord(record)}`);
          assert.equal(
            matcher.matchesMessage(JSON.stringify(record)),
            false,
            `message ${describeRecord(record)}`,
          );
        }
      });
    });
  }
});

describe("unauthorized-api-calls avoids the CIS v1.4 wording trap", () => {
  const cisV14Text =
    '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") || ' +
    '($.sourceIPAddress!="delivery.logs.amazonaws.com") || ($.eventName!="HeadBucket") }';
  const control = CONTROLS.find((c) => c.id === "unauthorized-api-calls") as MonitoringControl;
  const ordinary = control.vectors.ignores.find((r) => r.eventName === "DescribeSecurityGroups");

  it("has a negative vector that the v1.4 wording would match", () => {
    assert.ok(ordinary, "the DescribeSecurityGroups vector is missing");
    assert.equal(compileFilterPattern(cisV14Text).matchesRecord(ordinary), true);
    assert.equal(compileFilterPattern(control.filterPattern).matchesRecord(ordinary), false);
  });

  it("uses no negated comparison", () => {
    assert.doesNotMatch(control.filterPattern, /!=/);
  });
});

/**
 * Which controls each Stratus Red Team technique trips, worked out from what the technique does (see
 * the README's "Corpus classification"), not copied from the engine's output.
 */
const EXPECTED_CORPUS_TABLE: Record<string, readonly string[]> = {
  "aws.credential-access.ec2-get-password-data.json": ["unauthorized-api-calls"],
  "aws.credential-access.ec2-steal-instance-credentials.json": [],
  "aws.credential-access.secretsmanager-batch-retrieve-secrets.json": [],
  "aws.credential-access.secretsmanager-retrieve-secrets.json": [],
  "aws.credential-access.ssm-retrieve-securestring-parameters.json": [],
  "aws.defense-evasion.cloudtrail-delete.json": ["cloudtrail-config-changes"],
  "aws.defense-evasion.cloudtrail-event-selectors.json": ["cloudtrail-event-selector-changes"],
  "aws.defense-evasion.cloudtrail-stop.json": ["cloudtrail-config-changes"],
  "aws.defense-evasion.dns-delete-logs.json": ["dns-query-log-deletion"],
  "aws.defense-evasion.organizations-leave.json": ["organizations-changes", "unauthorized-api-calls"],
  "aws.defense-evasion.vpc-remove-flow-logs.json": ["vpc-flow-log-deletion"],
  "aws.discovery.ec2-download-user-data.json": ["unauthorized-api-calls"],
  "aws.execution.ec2-launch-unusual-instances.json": ["unauthorized-api-calls"],
  "aws.execution.ec2-user-data.json": [],
  "aws.execution.ssm-send-command.json": [],
  "aws.execution.ssm-start-session.json": [],
  "aws.exfiltration.ec2-security-group-open-port-22-ingress.json": ["security-group-changes"],
  "aws.exfiltration.ec2-share-ami.json": ["snapshot-or-image-sharing"],
  "aws.exfiltration.ec2-share-ebs-snapshot.json": ["snapshot-or-image-sharing"],
  "aws.exfiltration.rds-share-snapshot.json": ["snapshot-or-image-sharing"],
  "aws.impact.bedrock-invoke-model.json": [],
  "aws.initial-access.console-login-without-mfa.json": ["console-signin-without-mfa"],
  "aws.lateral-movement.ec2-instance-connect.json": [],
  "aws.lateral-movement.ec2-serial-console-send-ssh-public-key.json": [],
  "aws.persistence.iam-backdoor-role.json": ["iam-role-trust-policy-changes"],
  "aws.persistence.iam-backdoor-user.json": ["iam-access-key-for-named-user"],
  "aws.persistence.iam-create-admin-user.json": ["iam-access-key-for-named-user", "iam-policy-changes"],
  "aws.persistence.iam-create-backdoor-role.json": ["iam-policy-changes"],
  "aws.persistence.iam-create-user-login-profile.json": ["iam-login-profile-changes"],
  "aws.persistence.lambda-backdoor-function.json": [],
  "aws.persistence.lambda-layer-extension.json": [],
  "aws.persistence.lambda-overwrite-code.json": [],
  "aws.persistence.rolesanywhere-create-trust-anchor.json": [],
  "aws.persistence.sts-federation-token.json": [],
  "aws.privilege-escalation.iam-update-user-login-profile.json": ["iam-login-profile-changes"],
};

function loadCorpus(): Map<string, unknown[]> {
  const files = readdirSync(CORPUS_DIR).filter((name) => name.endsWith(".json"));
  return new Map(files.map((name) => [name, JSON.parse(readFileSync(path.join(CORPUS_DIR, name), "utf8"))]));
}

describe("corpus classification (Stratus Red Team detonation logs)", () => {
  const corpus = loadCorpus();

  it("reads all 35 techniques and 310 records", () => {
    assert.equal(corpus.size, 35);
    assert.equal(
      [...corpus.values()].reduce((sum, records) => sum + records.length, 0),
      310,
    );
  });

  it("fires exactly the expected controls per technique", () => {
    const actual: Record<string, string[]> = {};
    for (const [file, records] of corpus) {
      actual[file] = [...new Set(records.flatMap(firingControls))].sort();
    }
    const expected = Object.fromEntries(
      Object.entries(EXPECTED_CORPUS_TABLE).map(([file, ids]) => [file, [...ids].sort()]),
    );
    assert.deepEqual(actual, expected);
  });

  it("fires every extended control on each corpus file it cites as evidence", () => {
    for (const control of CONTROLS.filter((c) => c.set === "extended")) {
      const matcher = matcherFor(control);
      for (const file of control.corpusEvidence ?? []) {
        const records = corpus.get(file);
        assert.ok(records, `${control.id} cites missing corpus file ${file}`);
        assert.ok(
          records.some((r) => matcher.matchesRecord(r)),
          `${control.id} is silent on ${file}`,
        );
      }
    }
  });
});
