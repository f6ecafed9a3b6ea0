import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import type { PlanResult } from "../../tools/plan/run-plan";

/**
 * Evaluates the policy documents the program generates with a real IAM evaluator,
 * `@cloud-copilot/iam-simulate`, instead of our own reading of them.
 *
 * Use: take the documents from a plan (`generatedDocuments(await prodPlan())`), describe each request as an
 * {@link AccessRequest} naming the document under test, and compare `simulate(request, documents)` with
 * the expected decision. The table lives in `tests/support/access-table.ts`; add a section there for a new
 * document (an SCP, an RCP, a reader role), and the coverage test fails until every generated document has
 * at least one row.
 */

/** IAM's three outcomes, as the simulator names them. */
export type Decision = "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";

/** A policy document in AWS's JSON shape. */
export interface PolicyJson {
  Version?: string;
  Statement: Record<string, unknown>[];
}

/**
 * How a generated document takes part in a request: a resource policy (bucket, key, topic and trust
 * policies), an identity policy (a role's policy) or an organization guardrail (SCP, RCP).
 */
export type DocumentKind = "resource" | "identity" | "scp" | "rcp";

export interface GeneratedDocument {
  /** `<logical resource name>.<input key>`, e.g. `log-archive-bucket-policy.policy`. */
  id: string;
  /** The Pulumi type of the resource that carries it. */
  type: string;
  kind: DocumentKind;
  document: PolicyJson;
}

/** Resource inputs that hold a policy document, by Pulumi type; anything else named `policy` counts too. */
const DOCUMENT_KEYS = ["policy", "assumeRolePolicy", "content"] as const;

function kindOf(type: string, inputs: Record<string, unknown>): DocumentKind {
  if (type === "aws:iam/rolePolicy:RolePolicy" || type === "aws:iam/policy:Policy") return "identity";
  if (type === "aws:organizations/policy:Policy")
    return inputs.type === "RESOURCE_CONTROL_POLICY" ? "rcp" : "scp";
  return "resource";
}

/** Every policy document in the plan: every `policy`, `assumeRolePolicy` and organization policy `content`. */
export function generatedDocuments(plan: PlanResult): Map<string, GeneratedDocument> {
  const documents = new Map<string, GeneratedDocument>();
  for (const resource of plan.resources) {
    const name = resource.urn.slice(resource.urn.lastIndexOf("::") + 2);
    for (const key of DOCUMENT_KEYS) {
      const text = resource.inputs[key];
      if (typeof text !== "string") continue;
      const id = `${name}.${key}`;
      documents.set(id, {
        id,
        type: resource.type,
        kind: kindOf(resource.type, resource.inputs),
        document: JSON.parse(text) as PolicyJson,
      });
    }
  }
  return documents;
}

/** One row of the access table: a request, the generated document it exercises and the expected decision. */
export interface AccessRequest {
  /** What the row proves, in one line; it names the test. */
  intent: string;
  /** The generated document under test (a {@link GeneratedDocument} id). */
  document: string;
  /** Other generated documents that apply to the same request, e.g. an SCP beside a bucket policy. */
  alongWith?: string[];
  /** An IAM principal ARN or a service principal (`cloudtrail.amazonaws.com`). */
  principal: string;
  action: string;
  resource: string;
  /** The account that owns the resource. */
  resourceAccount: string;
  /** The request's context keys; every key must be one the simulator knows for the action. */
  context?: Record<string, string | string[]>;
  /**
   * Identity policies of the caller besides any generated identity document, e.g. an administrator's
   * `Allow *`, to show that a resource policy denies even a fully privileged caller.
   * @default []
   */
  callerPolicies?: PolicyJson[];
  expected: Decision;
}

export interface SimulationOutcome {
  decision: Decision | "error";
  /** The simulator's validation errors: an unknown action, a malformed document, a bad resource ARN. */
  errors?: unknown;
  /** Context keys the simulator dropped as not applicable to the action: a row that relies on one proves nothing. */
  ignoredContextKeys: string[];
  /** The service control policies' own verdict, when any applied: which layer decided. */
  scpDecision?: Decision;
  /** The resource control policies' own verdict, when any applied. */
  rcpDecision?: Decision;
}

/** An administrator's identity policy: everything, everywhere. */
export const ADMINISTRATOR: PolicyJson = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/** What AWS attaches to every root, OU and account unless removed (the simulator adds the RCP one itself). */
const FULL_AWS_ACCESS: PolicyJson = ADMINISTRATOR;

/**
 * The simulator (0.1.x) matches variable condition keys only when the variable follows a `/`
 * (`aws:PrincipalTag/<key>`), so it drops `kms:EncryptionContext:<key>` from a request as unknown. Both the
 * documents and the request are rewritten to carry that key under `aws:RequestTag/`, a string key it does
 * evaluate; the rewrite is the same on both sides, so every operator is evaluated as AWS would.
 */
const ENCRYPTION_CONTEXT = /^kms:EncryptionContext:/i;
const EVALUABLE_ENCRYPTION_CONTEXT = "aws:RequestTag/kms:EncryptionContext:";

function evaluableKey(key: string): string {
  return key.replace(ENCRYPTION_CONTEXT, EVALUABLE_ENCRYPTION_CONTEXT);
}

function evaluablePolicy(policy: PolicyJson): PolicyJson {
  return {
    ...policy,
    Statement: policy.Statement.map((statement) => {
      const condition = statement.Condition as Record<string, Record<string, unknown>> | undefined;
      if (!condition) return statement;
      const rewritten = Object.fromEntries(
        Object.entries(condition).map(([operator, block]) => [
          operator,
          Object.fromEntries(Object.entries(block).map(([key, value]) => [evaluableKey(key), value])),
        ]),
      );
      return { ...statement, Condition: rewritten };
    }),
  };
}

function documentNamed(documents: Map<string, GeneratedDocument>, id: string): GeneratedDocument {
  const found = documents.get(id);
  if (!found)
    throw new Error(`no generated document ${id}; the plan has ${[...documents.keys()].join(", ")}`);
  return found;
}

/** Runs one request through the simulator with the documents it names. */
export async function simulate(
  request: AccessRequest,
  documents: Map<string, GeneratedDocument>,
): Promise<SimulationOutcome> {
  const applied = [request.document, ...(request.alongWith ?? [])].map((id) => documentNamed(documents, id));
  const of = (kind: DocumentKind) =>
    applied.filter((d) => d.kind === kind).map((d) => ({ name: d.id, policy: evaluablePolicy(d.document) }));
  const resourcePolicies = of("resource");
  if (resourcePolicies.length > 1) throw new Error(`${request.intent}: at most one resource policy applies`);
  const scps = of("scp");
  const rcps = of("rcp");
  const simulation: Simulation = {
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount },
      contextVariables: Object.fromEntries(
        Object.entries(request.context ?? {}).map(([key, value]) => [evaluableKey(key), value]),
      ),
    },
    identityPolicies: [
      ...of("identity"),
      ...(request.callerPolicies ?? []).map((policy, index) => ({ name: `caller-${index}`, policy })),
    ],
    serviceControlPolicies:
      scps.length > 0
        ? [
            {
              orgIdentifier: "r-root",
              policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }, ...scps],
            },
          ]
        : [],
    resourceControlPolicies: rcps.length > 0 ? [{ orgIdentifier: "r-root", policies: rcps }] : [],
    ...(resourcePolicies.length === 1 ? { resourcePolicy: resourcePolicies[0].policy } : {}),
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === "error") {
    return { decision: "error", errors: response.errors, ignoredContextKeys: [] };
  }
  const results = response.resultType === "single" ? [response.result] : response.results;
  const layer = (pick: (r: (typeof results)[number]) => string | undefined) => {
    const verdicts = new Set(results.map(pick));
    return verdicts.size === 1 ? ([...verdicts][0] as Decision | undefined) : undefined;
  };
  return {
    decision: response.overallResult as Decision,
    ignoredContextKeys: [...new Set(results.flatMap((r) => r.ignoredContextKeys ?? []))],
    scpDecision: layer((r) => r.analysis?.scpAnalysis?.result),
    rcpDecision: layer((r) => r.analysis?.rcpAnalysis?.result),
  };
}

/**
 * Runs one request against a single resource policy built by a pure builder, without a plan: the fast way
 * for a policy module's own tests to state what its document allows.
 */
export function simulateResourcePolicy(
  document: { Version?: string; Statement: readonly object[] },
  request: Omit<AccessRequest, "document" | "alongWith">,
): Promise<SimulationOutcome> {
  const id = "document-under-test";
  const generated: GeneratedDocument = {
    id,
    type: "pure",
    kind: "resource",
    document: document as PolicyJson,
  };
  return simulate({ ...request, document: id }, new Map([[id, generated]]));
}
