import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { partitionOf } from "../../lib/naming";

/** Where a provider acts: the account it is pinned to and its region. */
interface ProviderScope {
  accountId: string;
  region: string;
  defaultTags: Record<string, string>;
}

/** Types that carry `tagsAll` (the provider's default tags merged with the resource's own). */
const TAGGABLE = new Set([
  "aws:kms/key:Key",
  "aws:s3/bucket:Bucket",
  "aws:cloudwatch/logGroup:LogGroup",
  "aws:iam/role:Role",
  "aws:cloudtrail/trail:Trail",
  "aws:sns/topic:Topic",
  "aws:cloudwatch/metricAlarm:MetricAlarm",
]);

function shortHash(text: string, length: number): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** A KMS key id: a UUID, derived from the resource name so plans are reproducible. */
function keyId(seed: string): string {
  const h = shortHash(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Provider inputs may arrive JSON-encoded, as the engine passes provider configuration. */
function decoded(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Pulumi mocks that answer like AWS would: ids and ARNs with the partition, account and region of the
 * provider each resource is created through. Outputs are deterministic, so two plans of the same stack
 * are byte-identical.
 */
export class MockCloud implements pulumi.runtime.Mocks {
  private readonly providers = new Map<string, ProviderScope>();

  /** @param region the stack's home region, for providers that do not name one */
  constructor(private readonly region: string) {}

  call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
    throw new Error(
      `the offline plan does not mock the function ${args.token}; the program should not call it`,
    );
  }

  newResource(args: pulumi.runtime.MockResourceArgs): {
    id: string | undefined;
    state: Record<string, unknown>;
  } {
    const inputs = args.inputs as Record<string, unknown>;
    if (args.type === "pulumi:providers:aws") {
      this.providers.set(args.name, this.providerScope(inputs));
      return { id: shortHash(`provider:${args.name}`, 8), state: inputs };
    }
    if (!args.custom) return { id: undefined, state: {} };
    const scope = this.scopeOf(args.provider);
    const region = (inputs.region as string | undefined) ?? scope.region;
    const outputs = this.outputsFor(args.type, args.name, inputs, scope.accountId, region);
    if (TAGGABLE.has(args.type)) {
      outputs.tagsAll = {
        ...scope.defaultTags,
        ...((inputs.tags as Record<string, string> | undefined) ?? {}),
      };
    }
    return { id: outputs.id as string, state: { ...inputs, region, ...outputs } };
  }

  private providerScope(inputs: Record<string, unknown>): ProviderScope {
    const allowed = decoded(inputs.allowedAccountIds) as string[] | undefined;
    const defaultTags =
      (decoded(inputs.defaultTags) as { tags?: Record<string, string> } | undefined)?.tags ?? {};
    return {
      accountId: allowed?.[0] ?? "unknown-account",
      region: (inputs.region as string | undefined) ?? this.region,
      defaultTags,
    };
  }

  /**
   * Provider references are `<urn>::<id>`; the provider's name is the URN's last segment. Every AWS
   * resource of this program names the provider of its account: one that does not is a bug, since the
   * default provider would create it wherever the caller's credentials point.
   */
  private scopeOf(providerRef: string | undefined): ProviderScope {
    const urn = providerRef?.slice(0, providerRef.lastIndexOf("::")) ?? "";
    const scope = this.providers.get(urn.slice(urn.lastIndexOf("::") + 2));
    if (!scope)
      throw new Error(
        `a resource was registered without an explicit aws provider (${providerRef ?? "none"})`,
      );
    return scope;
  }

  private outputsFor(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    account: string,
    region: string,
  ): Record<string, unknown> {
    const p = partitionOf(region);
    const given = (inputs.name as string | undefined) ?? `${name}-${shortHash(name, 7)}`;
    switch (type) {
      case "aws:kms/key:Key": {
        const id = keyId(`${account}:${name}`);
        return { id, keyId: id, arn: `arn:${p}:kms:${region}:${account}:key/${id}` };
      }
      case "aws:kms/alias:Alias":
        return { id: given, arn: `arn:${p}:kms:${region}:${account}:${given}` };
      case "aws:s3/bucket:Bucket": {
        const bucket = (inputs.bucket as string | undefined) ?? given;
        return {
          id: bucket,
          bucket,
          arn: `arn:${p}:s3:::${bucket}`,
          bucketDomainName: `${bucket}.s3.amazonaws.com`,
          bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`,
        };
      }
      case "aws:cloudwatch/logGroup:LogGroup":
        return { id: given, name: given, arn: `arn:${p}:logs:${region}:${account}:log-group:${given}` };
      case "aws:iam/role:Role":
        return {
          id: given,
          name: given,
          arn: `arn:${p}:iam::${account}:role/${given}`,
          uniqueId: `AROA${shortHash(given, 17).toUpperCase()}`,
        };
      case "aws:iam/rolePolicy:RolePolicy":
        return { id: `${inputs.role as string}:${given}`, name: given };
      case "aws:cloudtrail/trail:Trail":
        return {
          id: given,
          name: given,
          arn: `arn:${p}:cloudtrail:${region}:${account}:trail/${given}`,
          homeRegion: region,
        };
      case "aws:sns/topic:Topic": {
        const arn = `arn:${p}:sns:${region}:${account}:${given}`;
        return { id: arn, name: given, arn };
      }
      case "aws:sns/topicSubscription:TopicSubscription": {
        const arn = `${inputs.topic as string}:${keyId(name)}`;
        return { id: arn, arn };
      }
      case "aws:cloudwatch/metricAlarm:MetricAlarm":
        return { id: given, name: given, arn: `arn:${p}:cloudwatch:${region}:${account}:alarm:${given}` };
      case "aws:organizations/policy:Policy": {
        // Policy ids are `p-` and 8 or more lower-case letters and digits.
        const id = `p-${shortHash(name, 8)}`;
        const kind = String(inputs.type ?? "SERVICE_CONTROL_POLICY").toLowerCase();
        return { id, arn: `arn:${p}:organizations::${account}:policy/o-mock/${kind}/${id}` };
      }
      case "aws:organizations/policyAttachment:PolicyAttachment":
        // The provider's id for an attachment is `<targetId>:<policyId>`.
        return { id: `${inputs.targetId as string}:${inputs.policyId as string}` };
      default:
        if (type.startsWith("aws:s3/")) return { id: inputs.bucket as string };
        return { id: given };
    }
  }
}
