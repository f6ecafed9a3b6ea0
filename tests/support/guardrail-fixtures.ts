import type { PolicyDocument } from "../../lib/policies/document";
import { guardrailResourceControlPolicy } from "../../lib/policies/guardrail-resource-control-policy";
import { guardrailServiceControlPolicy } from "../../lib/policies/guardrail-service-control-policy";
import * as naming from "../../lib/naming";
import {
  ACCESS_LOG_BUCKET_ARN,
  ARCHIVE_ACCOUNT_ID,
  ARCHIVE_BUCKET_ARN,
  ORGANIZATION_ID,
  PARTITION,
  REGION,
  TRAIL_ARN,
} from "./policy-fixtures";

/** A key ARN as KMS forms them (the key id is a UUID KMS picks). */
export const ARCHIVE_KEY_ARN = `arn:${PARTITION}:kms:${REGION}:${ARCHIVE_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
/** The role the program deploys the archive with: the default exemption. */
export const DEPLOYMENT_ROLE_ARN = naming.roleArn(
  PARTITION,
  ARCHIVE_ACCOUNT_ID,
  "OrganizationAccountAccessRole",
);

export function buildGuardrailServiceControlPolicy(
  exemptPrincipals: readonly string[] = [DEPLOYMENT_ROLE_ARN],
): PolicyDocument {
  return guardrailServiceControlPolicy({
    archiveBucketArn: ARCHIVE_BUCKET_ARN,
    accessLogBucketArn: ACCESS_LOG_BUCKET_ARN,
    archiveKeyArn: ARCHIVE_KEY_ARN,
    trailArn: TRAIL_ARN,
    exemptPrincipals,
  });
}

export function buildGuardrailResourceControlPolicy(): PolicyDocument {
  return guardrailResourceControlPolicy({
    archiveBucketArn: ARCHIVE_BUCKET_ARN,
    accessLogBucketArn: ACCESS_LOG_BUCKET_ARN,
    archiveKeyArn: ARCHIVE_KEY_ARN,
    organizationId: ORGANIZATION_ID,
  });
}
