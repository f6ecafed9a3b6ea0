export * from "./cloudtrail-table";
export * from "./dialects";
export * from "./questions";
export * from "./render";
export * from "./time-window";
export * from "./names";
