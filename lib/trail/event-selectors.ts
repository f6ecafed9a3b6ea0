import type { Unwrap } from "@pulumi/pulumi";
import type { cloudtrail } from "@pulumi/aws/types/input";

/**
 * One advanced event selector: the provider's own input type, with plain values. Its operator names are
 * plural (`notStartsWiths`), so a singular name does not compile.
 */
export type AdvancedEventSelector = Unwrap<cloudtrail.TrailAdvancedEventSelector>;
export type FieldSelector = Unwrap<cloudtrail.TrailAdvancedEventSelectorFieldSelector>;

export interface DataEventsSettings {
  s3: "none" | "WriteOnly" | "ReadOnly" | "All";
  lambda: boolean;
  dynamodb: boolean;
  /** Record reads (GetObject, HeadObject) of the archived logs too. @default true */
  archiveReads: boolean;
}

/**
 * Management events, read and write: no `readOnly` selector (that would keep one half) and no excluded
 * event sources (that would silently drop, for example, KMS or RDS Data API events).
 */
export const MANAGEMENT_EVENTS: AdvancedEventSelector = {
  name: "Management events, read and write",
  fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
};

function readOnlySelector(mode: "WriteOnly" | "ReadOnly" | "All"): FieldSelector[] {
  if (mode === "All") return [];
  return [{ field: "readOnly", equals: [mode === "ReadOnly" ? "true" : "false"] }];
}

/**
 * Everything done to the archived logs except CloudTrail's own deliveries: DeleteObject,
 * DeleteObjectVersion, PutObjectRetention, PutObjectLegalHold, CopyObject and, with `reads`, GetObject.
 * Each field is one "AdvancedFieldSelector" (CloudTrail API reference) supports for data events:
 * `resources.ARN` with StartsWith, `eventName` with any operator, `readOnly` with Equals.
 *
 * PutObject is left out: it is how CloudTrail delivers, and logging a delivery would deliver another log
 * file in a loop. No selector field tells CloudTrail's PutObject from anyone else's (CloudTrail writes as
 * an AWS service, with no `userIdentity.arn`), so the archive's bucket policy denies PutObject to everyone
 * but this trail instead (`archiveBucketPolicy`, statement DenyWritesExceptThisTrail).
 */
export function archiveActivitySelector(archiveBucketArn: string, reads: boolean): AdvancedEventSelector {
  return {
    name: `The log archive's own objects: every call but CloudTrail's deliveries${reads ? "" : ", writes only"}`,
    fieldSelectors: [
      { field: "eventCategory", equals: ["Data"] },
      { field: "resources.type", equals: ["AWS::S3::Object"] },
      { field: "resources.ARN", startsWiths: [`${archiveBucketArn}/`] },
      { field: "eventName", notEquals: ["PutObject"] },
      ...(reads ? [] : [{ field: "readOnly", equals: ["false"] }]),
    ],
  };
}

/**
 * The trail's advanced event selectors. S3 data events of other buckets always exclude the trail's own
 * buckets: logging CloudTrail's writes to the archive, and S3's access-log writes about them, would feed
 * the trail its own output in a loop. The archive's own activity is selected apart, without PutObject
 * ({@link archiveActivitySelector}).
 *
 * @param ownBucketArns ARNs of the buckets the trail and its access logs write to
 * @param archiveBucketArn the bucket the trail writes to
 */
export function trailEventSelectors(
  dataEvents: DataEventsSettings,
  ownBucketArns: readonly string[],
  archiveBucketArn: string,
): AdvancedEventSelector[] {
  const selectors = [MANAGEMENT_EVENTS];
  if (dataEvents.s3 !== "none") {
    selectors.push({
      name: `S3 object data events (${dataEvents.s3}), except the trail's own buckets`,
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        ...readOnlySelector(dataEvents.s3),
        { field: "resources.ARN", notStartsWiths: ownBucketArns.map((arn) => `${arn}/`) },
      ],
    });
  }
  if (dataEvents.lambda) {
    selectors.push({
      name: "Lambda invocations",
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::Lambda::Function"] },
      ],
    });
  }
  if (dataEvents.dynamodb) {
    selectors.push({
      name: "DynamoDB item-level activity",
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::DynamoDB::Table"] },
      ],
    });
  }
  selectors.push(archiveActivitySelector(archiveBucketArn, dataEvents.archiveReads));
  return selectors;
}
