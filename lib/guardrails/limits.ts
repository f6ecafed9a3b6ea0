import type { PolicyDocument } from "../policies/document";

/**
 * The largest SCP or RCP AWS Organizations accepts, counting every character of the document as sent
 * ("Quotas and service limits for AWS Organizations").
 */
export const MAX_POLICY_DOCUMENT_CHARACTERS = 5120;

/** At most five SCPs, and five RCPs, may be attached directly to a root, an OU or an account. */
export const MAX_POLICIES_OF_A_TYPE_PER_TARGET = 5;

/** The document as the program sends it: compact JSON, so whitespace never counts against the limit. */
export function compactPolicyJson(document: PolicyDocument): string {
  return JSON.stringify(document);
}

/**
 * A stand-in for the archive key's ARN before KMS assigns its id: the same length as the real one
 * (KMS key ids are UUIDs), so the size check before any resource is exact.
 */
export function placeholderKeyArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:kms:${region}:${accountId}:key/00000000-0000-0000-0000-000000000000`;
}
