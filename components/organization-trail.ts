import * as cloudtrail from "@pulumi/aws/cloudtrail";
import * as pulumi from "@pulumi/pulumi";
import { DataEventsSettings, trailEventSelectors } from "../lib/trail/event-selectors";

export interface OrganizationTrailArgs {
  trailName: string;
  bucketName: string;
  /** ARNs of the archive and access-log buckets, excluded from S3 data events. */
  ownBucketArns: string[];
  kmsKeyArn: pulumi.Input<string>;
  /** The log group ARN without `:*`. */
  logGroupArn: string;
  cloudWatchLogsRoleArn: pulumi.Input<string>;
  dataEvents: DataEventsSettings;
  /**
   * Tags on the trail itself, besides the provider's default tags: a policy check of a preview sees only
   * the trail's own tags, and the trail is the resource auditors look for.
   * @default {}
   */
  tags?: Record<string, string>;
  /** @default [] */
  insights?: ("ApiCallRateInsight" | "ApiErrorRateInsight")[];
  /**
   * What CloudTrail checks when the trail is created: the bucket policy, the key policy and the log
   * delivery role's policy. None is referenced by a trail property, so without this the engine could
   * create the trail first and CloudTrail would reject it.
   */
  validatedBy: pulumi.Resource[];
}

/** The organization trail: every account, every region, global events, validated and encrypted. */
export class OrganizationTrail extends pulumi.ComponentResource {
  readonly trail: cloudtrail.Trail;

  constructor(name: string, args: OrganizationTrailArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:OrganizationTrail", name, {}, opts);
    const insights = args.insights ?? [];
    this.trail = new cloudtrail.Trail(
      `${name}-cloudtrail`,
      {
        name: args.trailName,
        s3BucketName: args.bucketName,
        isOrganizationTrail: true,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: args.kmsKeyArn,
        cloudWatchLogsGroupArn: `${args.logGroupArn}:*`,
        cloudWatchLogsRoleArn: args.cloudWatchLogsRoleArn,
        advancedEventSelectors: trailEventSelectors(args.dataEvents, args.ownBucketArns),
        insightSelectors: insights.map((insightType) => ({ insightType })),
        tags: args.tags ?? {},
      },
      { parent: this, dependsOn: args.validatedBy },
    );
    this.registerOutputs({ trailArn: this.trail.arn, trailName: this.trail.name });
  }
}
