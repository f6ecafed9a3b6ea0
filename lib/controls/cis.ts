import {
  awsConfigChanges,
  cloudTrailConfigChanges,
  kmsKeyDisableOrDeletion,
  organizationsChanges,
} from "./cis-audit";
import { s3BucketPolicyChanges } from "./cis-audit";
import {
  consoleAuthenticationFailures,
  consoleSignInWithoutMfa,
  iamPolicyChanges,
  rootAccountUsage,
  unauthorizedApiCalls,
} from "./cis-identity";
import {
  networkAclChanges,
  networkGatewayChanges,
  routeTableChanges,
  securityGroupChanges,
  vpcChanges,
} from "./cis-network";
import type { MonitoringControl } from "./types";

/** The CIS AWS Foundations Benchmark monitoring section, in benchmark order (4.1 to 4.15). */
export const CIS_CONTROLS: readonly MonitoringControl[] = [
  unauthorizedApiCalls,
  consoleSignInWithoutMfa,
  rootAccountUsage,
  iamPolicyChanges,
  cloudTrailConfigChanges,
  consoleAuthenticationFailures,
  kmsKeyDisableOrDeletion,
  s3BucketPolicyChanges,
  awsConfigChanges,
  securityGroupChanges,
  networkAclChanges,
  networkGatewayChanges,
  routeTableChanges,
  vpcChanges,
  organizationsChanges,
];
