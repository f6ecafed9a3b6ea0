import type { RequiredCall } from "./types";

/** The same event source with several event names, each required on its own. */
export function callsOn(eventSource: string, ...eventNames: readonly string[]): RequiredCall[] {
  return eventNames.map((eventName) => ({ eventSource, eventName }));
}

/** `StopLogging (cloudtrail.amazonaws.com)`, `ConsoleLogin (signin.amazonaws.com) by IAMUser, Success, MFA No`. */
export function describeCall(call: RequiredCall): string {
  const details: string[] = [];
  if (call.principal !== undefined)
    details.push(`by ${call.principal === "Root" ? "the root user" : "an IAM user"}`);
  if (call.signIn !== undefined) {
    details.push(call.signIn.outcome === "Success" ? "succeeding" : "failing");
    details.push(call.signIn.mfaUsed ? "with MFA" : "without MFA");
  }
  if (call.errorCode !== undefined) details.push(`failing with ${call.errorCode}`);
  if (call.requestParameters !== undefined) {
    details.push(
      Object.entries(call.requestParameters)
        .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
        .join(", "),
    );
  }
  return `${call.eventName} (${call.eventSource})${details.length > 0 ? ` ${details.join(" ")}` : ""}`;
}
