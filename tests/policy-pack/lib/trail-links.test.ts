import assert from "node:assert/strict";
import type { Link } from "../../../policy-pack/lib/links";
import type { Stack, StackResource } from "../../../policy-pack/lib/stack";
import { trailBucket, trailKey, trailLogGroup } from "../../../policy-pack/lib/trail-links";
import {
  ARCHIVE_BUCKET,
  KEY_ARN,
  KEY_ID,
  LOG_GROUP_ARN,
  LOG_GROUP_NAME,
  UNKNOWN,
  compliantTrail,
  resource,
  urnOf,
} from "../fixtures";

// Which resource of the stack a trail points at. A rule that takes the wrong one judges a decoy: a
// rotating key that the trail does not use, a retained log group it does not send to.
// "AWS::CloudTrail::Trail" (CloudFormation reference): KMSKeyId may be a key ARN, a key id, an alias name
// or an alias ARN; CloudWatchLogsLogGroupArn is the group's ARN with `:*`.

const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const OTHER_KEY_ID = "5678efgh-12ab-34cd-56ef-1234567890ab";
const OTHER_KEY_ARN = KEY_ARN.replace(KEY_ID, OTHER_KEY_ID);
const ALIAS_NAME = "alias/org-trail";
const ALIAS_ARN = KEY_ARN.replace(`key/${KEY_ID}`, ALIAS_NAME);

const decoyKey = resource(KEY, "decoy-key", {
  arn: OTHER_KEY_ARN,
  keyId: OTHER_KEY_ID,
  enableKeyRotation: true,
});
const trailsKey = resource(KEY, "trail-key", { arn: KEY_ARN, keyId: KEY_ID, enableKeyRotation: false });

function trail(
  props: Record<string, unknown>,
  dependencies: Record<string, readonly string[]> = {},
): StackResource {
  const view = compliantTrail(props);
  return { ...view, propertyDependencies: dependencies };
}

function found(link: Link): string {
  return link.kind === "found" ? link.resource.name : link.kind;
}

describe("trailKey: the KMS key the trail encrypts with", () => {
  it("takes the key the trail names, never another key of the stack", () => {
    for (const kmsKeyId of [KEY_ARN, KEY_ID]) {
      const t = trail({ kmsKeyId });
      assert.equal(found(trailKey([decoyKey, trailsKey, t], t)), "trail-key", kmsKeyId);
    }
    const onlyDecoy = trail({ kmsKeyId: KEY_ARN });
    const link = trailKey([decoyKey, onlyDecoy], onlyDecoy);
    assert.deepEqual(link, { kind: "outside", value: KEY_ARN });
  });

  it("follows an alias, by name or ARN, to its target key, by id or ARN", () => {
    const byId = resource(ALIAS, "alias", { name: ALIAS_NAME, arn: ALIAS_ARN, targetKeyId: KEY_ID });
    const byArn = resource(ALIAS, "alias", { name: ALIAS_NAME, arn: ALIAS_ARN, targetKeyArn: KEY_ARN });
    for (const alias of [byId, byArn]) {
      for (const kmsKeyId of [ALIAS_NAME, ALIAS_ARN]) {
        const t = trail({ kmsKeyId });
        assert.equal(
          found(trailKey([decoyKey, alias, trailsKey, t], t)),
          "trail-key",
          `${kmsKeyId} ${alias.props.targetKeyId ? "id" : "arn"}`,
        );
      }
    }
    const otherAlias = resource(ALIAS, "other-alias", {
      name: "alias/other",
      arn: ALIAS_ARN.replace("org-trail", "other"),
      targetKeyId: OTHER_KEY_ID,
    });
    const t = trail({ kmsKeyId: ALIAS_NAME });
    assert.deepEqual(trailKey([decoyKey, otherAlias, trailsKey, t], t), {
      kind: "outside",
      value: ALIAS_NAME,
    });
  });

  it("takes the key or alias by the half of its identity that is known, id or name, ARN or not", () => {
    const keyWithPendingArn = resource(KEY, "trail-key", { arn: UNKNOWN, keyId: KEY_ID });
    const byId = trail({ kmsKeyId: KEY_ID });
    assert.equal(found(trailKey([decoyKey, keyWithPendingArn, byId], byId)), "trail-key");
    const keyWithPendingId = resource(KEY, "trail-key", { arn: KEY_ARN, keyId: UNKNOWN });
    const byArn = trail({ kmsKeyId: KEY_ARN });
    assert.equal(found(trailKey([decoyKey, keyWithPendingId, byArn], byArn)), "trail-key");
    const aliasWithPendingName = resource(ALIAS, "alias", {
      name: UNKNOWN,
      arn: ALIAS_ARN,
      targetKeyId: KEY_ID,
    });
    const byAliasArn = trail({ kmsKeyId: ALIAS_ARN });
    assert.equal(
      found(trailKey([decoyKey, aliasWithPendingName, trailsKey, byAliasArn], byAliasArn)),
      "trail-key",
    );
  });

  it("waits while a candidate's identity is unknown, and follows the engine's dependency in preview", () => {
    const pendingKey = resource(KEY, "pending-key", { arn: UNKNOWN, keyId: UNKNOWN });
    const t = trail({ kmsKeyId: KEY_ARN });
    assert.equal(found(trailKey([decoyKey, pendingKey, t], t)), "unknown");
    for (const half of [
      { arn: UNKNOWN, keyId: OTHER_KEY_ID },
      { arn: OTHER_KEY_ARN, keyId: UNKNOWN },
    ]) {
      const halfKnown = resource(KEY, "half-known", half);
      assert.equal(found(trailKey([halfKnown, t], t)), "unknown", JSON.stringify(half));
    }
    const pendingAlias = resource(ALIAS, "pending-alias", {
      name: UNKNOWN,
      arn: UNKNOWN,
      targetKeyId: KEY_ID,
    });
    const viaAlias = trail({ kmsKeyId: ALIAS_NAME });
    assert.equal(found(trailKey([decoyKey, pendingAlias, trailsKey, viaAlias], viaAlias)), "unknown");
    for (const half of [
      { name: "alias/other", arn: UNKNOWN },
      { name: UNKNOWN, arn: ALIAS_ARN.replace("alias/org-trail", "alias/other") },
    ]) {
      const halfKnownAlias = resource(ALIAS, "half-known-alias", { ...half, targetKeyId: KEY_ID });
      assert.equal(
        found(trailKey([decoyKey, halfKnownAlias, trailsKey, viaAlias], viaAlias)),
        "unknown",
        JSON.stringify(half),
      );
    }
    const preview = trail({ kmsKeyId: UNKNOWN }, { kmsKeyId: [urnOf(KEY, "trail-key")] });
    assert.equal(found(trailKey([decoyKey, trailsKey, preview], preview)), "trail-key");
    const unlinked = trail({ kmsKeyId: UNKNOWN });
    assert.equal(found(trailKey([decoyKey, trailsKey, unlinked], unlinked)), "unknown");
    const none = trail({ kmsKeyId: undefined });
    assert.equal(found(trailKey([decoyKey, trailsKey, none], none)), "absent");
  });
});

describe("trailLogGroup and trailBucket: where the trail delivers", () => {
  const group = resource("aws:cloudwatch/logGroup:LogGroup", "trail-group", {
    name: LOG_GROUP_NAME,
    arn: LOG_GROUP_ARN,
  });
  const decoyGroup = resource("aws:cloudwatch/logGroup:LogGroup", "decoy-group", {
    name: `${LOG_GROUP_NAME}-other`,
    arn: `${LOG_GROUP_ARN}-other`,
  });

  it("takes the log group the ARN names, with or without `:*`", () => {
    for (const arn of [`${LOG_GROUP_ARN}:*`, LOG_GROUP_ARN]) {
      const t = trail({ cloudWatchLogsGroupArn: arn });
      assert.equal(found(trailLogGroup([decoyGroup, group, t], t)), "trail-group", arn);
    }
    const t = trail({ cloudWatchLogsGroupArn: `${LOG_GROUP_ARN}:*` });
    assert.equal(found(trailLogGroup([decoyGroup, t], t)), "outside");
  });

  it("compares a reference that is not a log group ARN with the groups' ARNs", () => {
    const odd = resource("aws:cloudwatch/logGroup:LogGroup", "odd", { name: "odd", arn: "not-an-arn" });
    const t = trail({ cloudWatchLogsGroupArn: "not-an-arn" });
    assert.equal(found(trailLogGroup([decoyGroup, odd, t], t)), "odd");
  });

  it("takes the bucket the trail names", () => {
    const archive = resource("aws:s3/bucket:Bucket", "archive", { bucket: ARCHIVE_BUCKET });
    const other = resource("aws:s3/bucket:Bucket", "other", { bucket: `${ARCHIVE_BUCKET}-other` });
    const t = trail({});
    const stack: Stack = [other, archive, t];
    assert.equal(found(trailBucket(stack, t)), "archive");
    assert.equal(found(trailBucket([other, t], t)), "outside");
  });
});
