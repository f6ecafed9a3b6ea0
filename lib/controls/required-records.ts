import { describeCall } from "./required-calls";
import type { CloudTrailRecord, MonitoringControl, RequiredCall, UserIdentity } from "./types";
import { apiCall, assumedRole, consoleLogin, iamUser, ordinaryActivity, rootUser } from "./vectors";

/** One record the judge tries, with the call it stands for. */
export interface RequiredRecord {
  readonly call: RequiredCall;
  /** The call's description, shared by all of its variants: what a miss message names. */
  readonly callText: string;
  /** What sets this variant apart: "by AssumedRole in eu-west-1". */
  readonly variant: string;
  readonly record: CloudTrailRecord;
}

interface Variant {
  readonly identity: UserIdentity;
  readonly region: string;
}

// A call anyone may make is tried once per ordinary principal type, each in a different region, so a
// filter narrowed to one principal type or one region misses a variant. us-east-1 is where global
// services (IAM, sign-in, Organizations) write their events.
const ANY_PRINCIPAL: readonly Variant[] = [
  { identity: iamUser(), region: "us-east-1" },
  { identity: assumedRole(), region: "eu-west-1" },
  { identity: rootUser(), region: "ap-southeast-2" },
];
const REGIONS = ["us-east-1", "eu-west-1"];

function variantsOf(call: RequiredCall): Variant[] {
  if (call.principal === undefined) return [...ANY_PRINCIPAL];
  const identity = call.principal === "Root" ? rootUser() : iamUser();
  return REGIONS.map((region) => ({ identity, region }));
}

function recordFor(call: RequiredCall, { identity, region }: Variant): CloudTrailRecord {
  if (call.signIn !== undefined) {
    return consoleLogin({
      userIdentity: identity,
      outcome: call.signIn.outcome,
      mfaUsed: call.signIn.mfaUsed,
      errorMessage: call.signIn.errorMessage,
      awsRegion: region,
    });
  }
  return apiCall(call.eventSource, call.eventName, {
    userIdentity: identity,
    awsRegion: region,
    ...(call.requestParameters === undefined ? {} : { requestParameters: call.requestParameters }),
    ...(call.errorCode === undefined
      ? {}
      : { errorCode: call.errorCode, errorMessage: `You are not authorized to perform ${call.eventName}.` }),
  });
}

const requiredCache = new WeakMap<MonitoringControl, readonly RequiredRecord[]>();

/** Every record a filter must match to cover the control: one per required call and variant. */
export function requiredRecords(control: MonitoringControl): readonly RequiredRecord[] {
  let records = requiredCache.get(control);
  if (records === undefined) {
    records = control.requires.flatMap((call) => {
      const callText = describeCall(call);
      return variantsOf(call).map((variant) => ({
        call,
        callText,
        variant: `by ${variant.identity.type} in ${variant.region}`,
        record: recordFor(call, variant),
      }));
    });
    requiredCache.set(control, records);
  }
  return records;
}

/** Ordinary, successful, read-only activity: an alarm that fires on it is useless. */
function isOrdinaryNoise(record: CloudTrailRecord, ordinaryIds: ReadonlySet<string>): boolean {
  if (ordinaryIds.has(record.eventID)) return true;
  return record.readOnly === true && record.errorCode === undefined && record.errorMessage === undefined;
}

export interface IgnoredRecords {
  /** Everyday successful read-only calls (and MFA sign-ins): any filter that matches one is refused. */
  readonly noise: readonly CloudTrailRecord[];
  /** What the catalog's pattern also stays silent on; a published form may match these (advisory). */
  readonly quieter: readonly CloudTrailRecord[];
}

const ignoredCache = new WeakMap<MonitoringControl, IgnoredRecords>();

export function ignoredRecords(control: MonitoringControl): IgnoredRecords {
  let split = ignoredCache.get(control);
  if (split === undefined) {
    const ordinary = ordinaryActivity();
    const ordinaryIds = new Set(ordinary.map((record) => record.eventID));
    const seen = new Set<string>();
    const noise: CloudTrailRecord[] = [];
    const quieter: CloudTrailRecord[] = [];
    for (const record of [...ordinary, ...control.vectors.ignores]) {
      if (seen.has(record.eventID)) continue;
      seen.add(record.eventID);
      (isOrdinaryNoise(record, ordinaryIds) ? noise : quieter).push(record);
    }
    split = { noise, quieter };
    ignoredCache.set(control, split);
  }
  return split;
}
