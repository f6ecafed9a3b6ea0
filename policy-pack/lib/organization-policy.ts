import { ORGANIZATION_POLICY, ORGANIZATION_POLICY_ATTACHMENT } from "./resource-types";
import { type Stack, type StackResource, ofType } from "./stack";

/** The two organization policy types that restrict permissions (SCPs and RCPs). */
export const AUTHORIZATION_POLICY_TYPES = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"] as const;

export interface Statement {
  readonly Sid?: unknown;
  readonly Effect?: unknown;
  readonly Action?: unknown;
  readonly Condition?: unknown;
}

/** The statements of a policy document in JSON text, or undefined when it is not one. */
export function statementsOf(content: unknown): Statement[] | undefined {
  if (typeof content !== "string") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    // Not JSON: `parsed` stays undefined, which the next line refuses.
  }
  if (parsed === null || typeof parsed !== "object") return undefined;
  const statements = listOf((parsed as { Statement?: unknown }).Statement);
  return statements.filter((s): s is Statement => s !== null && typeof s === "object");
}

export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Whether an IAM action pattern (`s3:*`, `cloudtrail:Stop*`, `*`) covers an action, as IAM matches them. */
export function actionCovers(pattern: string, action: string): boolean {
  const regex = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${regex}$`, "i").test(action);
}

/** Whether some Deny statement of the document names the action. */
export function deniesAction(statements: readonly Statement[], action: string): boolean {
  return statements.some(
    (s) =>
      s.Effect === "Deny" &&
      listOf(s.Action).some((pattern) => typeof pattern === "string" && actionCovers(pattern, action)),
  );
}

/**
 * Negated operators: a principal matching one of their values is left out of the Deny. With a
 * single-valued key such as `aws:PrincipalArn`, the `ForAnyValue:` and `ForAllValues:` set operators judge
 * a one-element set, so they exempt the same principals as the plain operator.
 */
const EXEMPTING_OPERATORS =
  /^(ForAnyValue:|ForAllValues:)?(Arn|String)Not(Like|Equals|EqualsIgnoreCase)(IfExists)?$/i;

/** The `aws:PrincipalArn` patterns a statement exempts from its Deny. */
export function exemptedPrincipals(statement: Statement): string[] {
  const condition = statement.Condition;
  if (statement.Effect !== "Deny" || condition === null || typeof condition !== "object") return [];
  return Object.entries(condition as Record<string, unknown>)
    .filter(([operator]) => EXEMPTING_OPERATORS.test(operator))
    .flatMap(([, block]) =>
      // A block that is no object (JSON text allows any value) names no key.
      Object.entries(block ?? {})
        .filter(([key]) => key.toLowerCase() === "aws:principalarn")
        .flatMap(([, values]) => listOf(values).filter((v): v is string => typeof v === "string")),
    );
}

/** Whether some attachment in the stack attaches the policy, by its id or through a dependency. */
export function isAttached(stack: Stack, policy: StackResource): boolean {
  const arn = typeof policy.props.arn === "string" ? policy.props.arn : undefined;
  const ids = [policy.props.id, arn?.slice(arn.lastIndexOf("/") + 1)].filter((id) => typeof id === "string");
  return ofType(stack, ORGANIZATION_POLICY_ATTACHMENT).some(
    (attachment) =>
      attachment.propertyDependencies.policyId?.includes(policy.urn) === true ||
      ids.includes(attachment.props.policyId as string),
  );
}

export function organizationPolicies(stack: Stack, type: string): StackResource[] {
  return ofType(stack, ORGANIZATION_POLICY).filter((policy) => policy.props.type === type);
}
