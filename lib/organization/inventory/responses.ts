import { z } from "zod";
import { formatIssues } from "../../config/issues";
import { InventoryError } from "./errors";

/**
 * The parts of Organizations responses the inventory reads, checked before use: a response that lacks
 * a list or carries an odd id must stop the inventory, not shorten it.
 */

const accountId = z.string().regex(/^\d{12}$/, "a 12-digit account id");
const rootId = z.string().regex(/^r-[0-9a-z]{4,32}$/, "a root id like r-ab12");
const ouId = z.string().regex(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, "an OU id like ou-ab12-cdef3456");
const name = z.string().min(1, "a non-empty name");
const nextToken = z.string().min(1, "a non-empty NextToken").optional();

export const describeOrganizationResponse = z.object({
  Organization: z.object({
    Id: z.string().regex(/^o-[a-z0-9]{10,32}$/, "an organization id like o-abcd123456"),
    Arn: z.string().startsWith("arn:", "an ARN"),
    MasterAccountId: accountId,
    FeatureSet: z.enum(["ALL", "CONSOLIDATED_BILLING"]),
  }),
});

export const rootsPage = z.object({
  Roots: z.array(
    z.object({
      Id: rootId,
      Name: name,
      // Each policy type's state on the root; the guardrails need SCPs and RCPs ENABLED.
      PolicyTypes: z
        .array(
          z.object({
            Type: name,
            Status: z.enum(["ENABLED", "PENDING_ENABLE", "PENDING_DISABLE"]),
          }),
        )
        .default([]),
    }),
  ),
  NextToken: nextToken,
});

export const organizationalUnitsPage = z.object({
  OrganizationalUnits: z.array(z.object({ Id: ouId, Name: name })),
  NextToken: nextToken,
});

const account = z
  .object({
    Id: accountId,
    Name: name,
    Email: z.string().min(3, "an e-mail address"),
    // `Status` is deprecated in favour of `State`; older answers carry only `Status`. Unknown values are
    // judged (and refused with their own message) when the state is read.
    State: z.string().optional(),
    Status: z.string().optional(),
    JoinedTimestamp: z.date().optional(),
  })
  .refine((a) => a.State !== undefined || a.Status !== undefined, "a State or a Status");
export type ListedAccount = z.infer<typeof account>;

export const accountsPage = z.object({ Accounts: z.array(account), NextToken: nextToken });

export const enabledServicesPage = z.object({
  EnabledServicePrincipals: z.array(z.object({ ServicePrincipal: name })),
  NextToken: nextToken,
});

export const delegatedAdministratorsPage = z.object({
  DelegatedAdministrators: z.array(z.object({ Id: accountId })),
  NextToken: nextToken,
});

export const tagsPage = z.object({
  Tags: z.array(z.object({ Key: name, Value: z.string() })),
  NextToken: nextToken,
});

/** The validated response, or an InventoryError naming the call and the first problem in it. */
export function readResponse<S extends z.ZodType>(schema: S, response: unknown, call: string): z.infer<S> {
  const result = schema.safeParse(response);
  if (result.success) return result.data;
  const [problem] = formatIssues(result.error.issues, response);
  throw new InventoryError(
    "malformed-response",
    `${call}: malformed response, ${problem}; run again, and report it if it persists`,
  );
}
