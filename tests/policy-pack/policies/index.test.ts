import assert from "node:assert/strict";
import type {
  Policies,
  ResourceValidation,
  ResourceValidationArgs,
  StackValidationArgs,
} from "@pulumi/policy";
import { POLICIES } from "../../../policy-pack/policies";
import exampleConfig from "../../../policy-pack/policy-config.example.json";
import { readFileSync } from "node:fs";
import { join } from "node:path";

describe("the policy pack's policies", () => {
  it("lists exactly these policies with these default enforcement levels", () => {
    assert.deepEqual(
      POLICIES.map((policy) => [policy.name, policy.enforcementLevel]),
      [
        ["cloudtrail-multi-region", "mandatory"],
        ["cloudtrail-global-service-events", "mandatory"],
        ["cloudtrail-logging-enabled", "mandatory"],
        ["cloudtrail-management-events", "mandatory"],
        ["cloudtrail-log-file-validation", "mandatory"],
        ["cloudtrail-kms-encryption", "mandatory"],
        ["cloudtrail-cloudwatch-logs", "mandatory"],
        ["cloudtrail-organization-trail", "mandatory"],
        ["cloudtrail-insights", "advisory"],
        ["cloudtrail-s3-data-events", "advisory"],
        ["cloudtrail-sns-notification", "advisory"],
        ["cloudtrail-tags", "advisory"],
        ["trail-bucket-object-lock", "mandatory"],
        ["trail-bucket-versioning", "mandatory"],
        ["trail-bucket-public-access-block", "mandatory"],
        ["trail-bucket-kms-encryption", "mandatory"],
        ["trail-bucket-access-logging", "mandatory"],
        ["trail-bucket-lifecycle", "mandatory"],
        ["trail-bucket-tls-only", "mandatory"],
        ["trail-kms-key-rotation", "mandatory"],
        ["trail-log-group-retention", "mandatory"],
        ["trail-log-group-encryption", "mandatory"],
        ["cis-monitoring-coverage", "mandatory"],
        ["trail-guardrails", "advisory"],
        ["guardrail-exemption-wildcard", "mandatory"],
        ["athena-workgroup-encrypted-results", "advisory"],
      ],
    );
  });

  it("gives every policy a kebab-case name, a description and remediation steps", () => {
    for (const policy of POLICIES) {
      assert.match(policy.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(policy.description.length > 20, policy.name);
      assert.ok((policy.remediationSteps ?? "").length > 20, policy.name);
    }
  });

  // `pulumi policy` shows each setting's description from the config schema: the only help a stack owner
  // gets when writing the file passed to --policy-pack-config.
  it("explains every setting in the config schema Pulumi shows", () => {
    for (const policy of POLICIES) {
      for (const [key, property] of Object.entries(policy.configSchema?.properties ?? {})) {
        const description = (property as { description?: unknown }).description;
        assert.ok(typeof description === "string" && description.length > 20, `${policy.name}.${key}`);
      }
    }
  });

  it("tags policies with the Security Hub controls they enforce", () => {
    const tagsOf = (name: string) => POLICIES.find((policy) => policy.name === name)?.tags ?? [];
    assert.deepEqual(tagsOf("cloudtrail-kms-encryption"), [
      "securityhub:CloudTrail.2",
      "cis:v1.4.0/3.7",
      "cis:v3.0.0/3.5",
    ]);
    assert.ok(tagsOf("cis-monitoring-coverage").includes("securityhub:CloudWatch.1"));
  });

  // Auditors map findings to controls through these ids, and read them in the reference page: a policy
  // that lost its tag, or a page that names a control the policy does not check, misleads them.
  it("carries the level, Security Hub controls and CIS recommendations its reference row names", () => {
    const rows = policyTableRows();
    assert.deepEqual(
      [...rows.keys()],
      POLICIES.map((policy) => policy.name),
    );
    for (const policy of POLICIES) {
      const row = rows.get(policy.name);
      assert.ok(row, policy.name);
      assert.equal(policy.enforcementLevel, row.level, policy.name);
      assert.deepEqual([...(policy.tags ?? [])].sort(), [...row.tags].sort(), policy.name);
    }
  });

  it("accepts every setting of the example policy config file", () => {
    for (const [name, entry] of Object.entries(example)) {
      const policy = POLICIES.find((candidate) => candidate.name === name);
      assert.ok(policy, `${name} is not a policy of the pack`);
      if (typeof entry !== "string") assert.doesNotThrow(() => runWith(policy, settingsOf(entry)), name);
    }
  });

  it("refuses an invalid setting in one line, through the policy itself", () => {
    const lock = POLICIES.find((policy) => policy.name === "trail-bucket-object-lock");
    assert.ok(lock);
    assert.throws(
      () => runWith(lock, { mode: "LEGAL_HOLD" }),
      /policy config trail-bucket-object-lock\.mode: expected one of "COMPLIANCE"\|"GOVERNANCE" \(got "LEGAL_HOLD"\)/,
    );
  });
});

interface PolicyTableRow {
  readonly level: string;
  readonly tags: readonly string[];
}

/** The policy table of docs/policy-pack.md: | Policy | Level | Checks | Security Hub | CIS (v1.4.0 / v3.0.0) | Fix | */
function policyTableRows(): Map<string, PolicyTableRow> {
  const page = readFileSync(join(__dirname, "../../../docs/policy-pack.md"), "utf8");
  const rows = new Map<string, PolicyTableRow>();
  const table = page.slice(page.indexOf("| Policy | Level |"));
  const lines = table.slice(0, table.indexOf("\n\n")).split("\n");
  for (const line of lines.filter((text) => text.startsWith("| `"))) {
    const [name, level, , securityHub, cis] = line
      .slice(1)
      .split(" | ")
      .map((cell) => cell.trim());
    const [v1, v3] = cis.split(" / ");
    rows.set(name.replace(/`/g, ""), {
      level,
      tags: [
        ...idsIn(securityHub).map((id) => `securityhub:${id}`),
        ...idsIn(v1 ?? "–").map((id) => `cis:v1.4.0/${id}`),
        ...idsIn(v3 ?? "–").map((id) => `cis:v3.0.0/${id}`),
      ],
    });
  }
  return rows;
}

/** `CloudTrail.7, S3.9` → both; `CloudWatch.1–14` and `4.1–4.15` → every id of the range; `–` → none. */
function idsIn(cell: string): string[] {
  if (cell === "–") return [];
  return cell.split(", ").flatMap((id) => {
    const range = /^(.*\.)(\d+)–(?:\1)?(\d+)$/.exec(id);
    if (!range) return [id];
    const [, prefix, first, last] = range;
    return Array.from(
      { length: Number(last) - Number(first) + 1 },
      (_, i) => `${prefix}${Number(first) + i}`,
    );
  });
}

const example = exampleConfig as Record<string, string | Record<string, unknown>>;

function settingsOf(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => key !== "enforcementLevel"));
}

/** Runs a policy the way the SDK does, on an empty stack or a non-trail resource, with the given settings. */
function runWith(policy: Policies[number], settings: Record<string, unknown>): void {
  const common = {
    getConfig: () => settings,
    notApplicable: () => {
      throw new NotApplicable();
    },
    stackTags: new Map<string, string>(),
  };
  try {
    if ("validateStack" in policy) {
      void policy.validateStack({ ...common, resources: [] } as unknown as StackValidationArgs, () => {});
    } else {
      const validate = policy.validateResource as ResourceValidation;
      void validate(
        {
          ...common,
          type: "aws:sns/topic:Topic",
          props: {},
          urn: "urn",
          name: "topic",
        } as unknown as ResourceValidationArgs,
        () => {},
      );
    }
  } catch (error) {
    if (!(error instanceof NotApplicable)) throw error;
  }
}

class NotApplicable extends Error {}
