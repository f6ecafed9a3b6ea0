export { CIS_CONTROLS } from "./cis";
export { EXTENDED_CONTROLS } from "./extended";
export { CIS_CONTROL_IDS, CONTROLS, controlById, selectControls, UnknownControlError } from "./select";
export type { ControlSelection } from "./select";
export { controlsTableMarkdown } from "./table";
export type { CloudTrailRecord, ControlSet, MonitoringControl, TestRecord, UserIdentity } from "./types";
