import * as cloudtrail from "@pulumi/aws/cloudtrail";
import * as pulumi from "@pulumi/pulumi";
import { DataEventsSettings, trailEventSelectors } from "../lib/trail/event-selectors";

export interface OrganizationTrailArgs {
  trailName: string;
  /** The archive bucket's name, taken from its bucket policy so the trail waits for that policy. */
  bucketName: pulumi.Input<string>;
  /** ARNs of the archive and access-log buckets, excluded from S3 data events. */
  ownBucketArns: string[];
  kmsKeyArn: pulumi.Input<string>;
  /** The log group ARN without `:*`, taken from the log group so the trail waits for it. */
  logGroupArn: pulumi.Input<string>;
  cloudWatchLogsRoleArn: pulumi.Input<string>;
  dataEvents: DataEventsSettings;
  /**
   * Tags on the trail itself, besides the provider's default tags: a policy check of a preview sees only
   * the trail's own tags, and the trail is the resource auditors look for.
   * @default {}
   */
  tags?: Record<string, string>;
  /**
   * Protect and retain the trail: removing it from the program (for example `trail.create: false`) must
   * not silently stop the organization's logging.
   * @default true
   */
  protect?: boolean;
  /** @default [] */
  insights?: ("ApiCallRateInsight" | "ApiErrorRateInsight")[];
  /**
   * What CloudTrail checks at CreateTrail, or what must be in force before its first delivery, that no
   * trail property references: the delivery role's policy (CloudTrail validates it), both key policies
   * (set on the keys, referenced only through the archive key's ARN and the log group), and the
   * bucket's encryption, Object Lock, versioning and public-access settings (or the first log files
   * could land unlocked or unencrypted). Without these the engine could create the trail first.
   */
  dependsOn: pulumi.Resource[];
}

/** The organization trail: every account, every region, global events, validated and encrypted. */
export class OrganizationTrail extends pulumi.ComponentResource {
  readonly trail: cloudtrail.Trail;

  constructor(name: string, args: OrganizationTrailArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:OrganizationTrail", name, {}, opts);
    const insights = args.insights ?? [];
    const keep = args.protect ?? true;
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
        // CloudTrail takes the log group ARN with its `:*` suffix.
        cloudWatchLogsGroupArn: pulumi.interpolate`${args.logGroupArn}:*`,
        cloudWatchLogsRoleArn: args.cloudWatchLogsRoleArn,
        advancedEventSelectors: trailEventSelectors(args.dataEvents, args.ownBucketArns),
        insightSelectors: insights.map((insightType) => ({ insightType })),
        tags: args.tags ?? {},
      },
      { parent: this, dependsOn: args.dependsOn, protect: keep, retainOnDelete: keep },
    );
    this.registerOutputs({ trailArn: this.trail.arn, trailName: this.trail.name });
  }
}
