export { PolicyCheckInputError, PolicyPackError } from "./errors";
export {
  formatReport,
  hasMandatoryViolation,
  type PackLoading,
  type PolicyReport,
  type PolicyViolation,
} from "./report";
export { DEFAULT_PACK_DIR, runPolicyCheck, type PolicyCheckOptions } from "./run-policy-check";
export type { CheckInput } from "./check-deployment";
export { openPolicyPackSession, type PolicyPackSession, type SessionOptions } from "./policy-pack-session";
export {
  parsePolicyConfig,
  readPolicyConfig,
  type EnforcementLevel,
  type PolicyConfig,
} from "./policy-config-file";
export { parseDeployment, readDeployment, type Deployment } from "./read-deployment";
export type { CompileMode } from "./compile-mode";
