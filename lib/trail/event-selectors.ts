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
 * The trail's advanced event selectors. S3 data events always exclude the trail's own buckets: logging
 * CloudTrail's writes to the archive, and S3's access-log writes about them, would feed the trail its
 * own output in a loop.
 *
 * @param ownBucketArns ARNs of the buckets the trail and its access logs write to
 */
export function trailEventSelectors(
  dataEvents: DataEventsSettings,
  ownBucketArns: readonly string[],
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
  return selectors;
}
