export { CIS_CONTROLS } from "./cis";
export { EXTENDED_CONTROLS } from "./extended";
export { CIS_CONTROL_IDS, CONTROLS, controlById, selectControls, UnknownControlError } from "./select";
export type { ControlSelection } from "./select";
export { callsOn, describeCall } from "./required-calls";
export { ignoredRecords, requiredRecords } from "./required-records";
export type { IgnoredRecords, RequiredRecord } from "./required-records";
export { controlsTableMarkdown } from "./table";
export type {
  CloudTrailRecord,
  ControlSet,
  MonitoringControl,
  RequiredCall,
  TestRecord,
  UserIdentity,
} from "./types";
