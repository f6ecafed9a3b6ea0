export { callBudget, PAGE_SIZE } from "./budget";
export {
  INVENTORY_DEFAULTS,
  ORGANIZATIONS_REGION,
  createOrganizationsClient,
  retryDelay,
  type ClientSettings,
} from "./client";
export { enumerateOrganization, type EnumerateOptions, type InventoryProgress } from "./enumerate";
export { InventoryError, type InventoryFailureReason } from "./errors";
export {
  CLOUDTRAIL_SERVICE_PRINCIPAL,
  summarizeOrganization,
  type OrganizationSummary,
  type TopLevelGroup,
} from "./summary";
export { writeSnapshotAtomically } from "./write-snapshot";
