export {
  runInventoryBenchmark,
  type InventoryBenchmarkOptions,
  type InventoryBenchmarkResult,
} from "./benchmark";
export { OPERATIONS, type FaultKind, type FaultPlan, type OperationName } from "./faults";
export { generateOrganization, type GenerateOrganizationOptions } from "./generate";
export { runInventory, testClient, withoutRunDetails, withoutTags, type InventoryRun } from "./harness";
export { MAX_RESULTS } from "./paging";
export {
  startOrganizationsEndpoint,
  type EndpointCounters,
  type OrganizationsEndpoint,
  type OrganizationsEndpointOptions,
} from "./server";
export { TEST_CREDENTIALS, useTestCredentialsInEnvironment } from "./test-credentials";
