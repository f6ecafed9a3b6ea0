import assert from "node:assert/strict";
import { QUESTIONS } from "../../lib/investigation";
import { named, ofType, plan, policyOf, stackConfig, statement } from "../support/plan";

const RESULTS = "org-governance-athena-results-222233334444-eu-west-1";

describe("QuerySide", () => {
  it("creates every query resource through the log-archive account's provider", async () => {
    const result = await plan(stackConfig());
    const provider = named(result, "log-archive-account");
    const children = result.resources.filter((r) => r.parent?.endsWith("::query-side") && r.custom);
    assert.ok(children.length >= 10 + QUESTIONS.length);
    for (const r of children) assert.ok(r.provider?.startsWith(provider.urn), `${r.urn} uses ${r.provider}`);
  });

  it("is left out with query.enabled false", async () => {
    const result = await plan(stackConfig({ query: { enabled: false } }));
    assert.equal(ofType(result, "aws:athena/workgroup:Workgroup").length, 0);
    assert.equal(result.outputs.investigation, undefined);
  });

  // "Partition projection with Amazon Athena" and "Create the table for CloudTrail logs in Athena using
  // partition projection" (Athena user guide): enum accounts and regions, a date-typed day, the template.
  it("the CloudTrail table projects every account of the organization, every region and every day", async () => {
    const result = await plan(stackConfig());
    const table = named(result, "query-side-cloudtrail");
    const parameters = table.inputs.parameters as Record<string, string>;
    assert.equal(parameters["projection.enabled"], "true");
    const accounts = parameters["projection.account.values"].split(",");
    assert.ok(accounts.includes("111122223333") && accounts.includes("222233334444"), accounts.join(","));
    assert.ok(parameters["projection.region.values"].split(",").includes("eu-west-1"));
    assert.equal(parameters["projection.day.format"], "yyyy/MM/dd");
    assert.match(
      parameters["storage.location.template"],
      /^s3:\/\/org-trail-archive-222233334444-eu-west-1\/AWSLogs\/o-[a-z0-9]+\/\$\{account\}\/CloudTrail\/\$\{region\}\/\$\{day\}$/,
    );
    const descriptor = table.inputs.storageDescriptor as {
      inputFormat: string;
      serDeInfo: { serializationLibrary: string };
      columns: { name: string }[];
    };
    assert.equal(descriptor.inputFormat, "com.amazon.emr.cloudtrail.CloudTrailInputFormat");
    assert.equal(descriptor.serDeInfo.serializationLibrary, "org.apache.hive.hcatalog.data.JsonSerDe");
    assert.ok(descriptor.columns.some((c) => c.name === "requestparameters"));
    assert.deepEqual(
      (table.inputs.partitionKeys as { name: string }[]).map((k) => k.name),
      ["account", "region", "day"],
    );
    const insights = named(result, "query-side-cloudtrail-insights").inputs.parameters as Record<
      string,
      string
    >;
    assert.match(insights["storage.location.template"], /\/CloudTrail-Insight\//);
  });

  // "Workgroup settings override client-side settings" and "Encrypting Athena query results stored in
  // Amazon S3" (Athena user guide).
  it("the workgroup enforces SSE-KMS results in its own bucket, a bytes-scanned cutoff and engine version 3", async () => {
    const result = await plan(stackConfig({ query: { bytesScannedCutoff: 1_073_741_824 } }));
    const workgroup = named(result, "query-side-workgroup");
    const configuration = workgroup.inputs.configuration as Record<string, unknown>;
    assert.equal(configuration.enforceWorkgroupConfiguration, true);
    assert.equal(configuration.bytesScannedCutoffPerQuery, 1_073_741_824);
    assert.deepEqual(configuration.engineVersion, { selectedEngineVersion: "Athena engine version 3" });
    const results = configuration.resultConfiguration as {
      outputLocation: string;
      encryptionConfiguration: { encryptionOption: string };
    };
    assert.equal(results.outputLocation, `s3://${RESULTS}/`);
    assert.equal(results.encryptionConfiguration.encryptionOption, "SSE_KMS");
  });

  it("the results bucket is TLS only, private, owner-enforced and expires results after the configured days", async () => {
    const result = await plan(stackConfig({ query: { resultsRetentionDays: 7 } }));
    const lifecycle = named(result, "query-side-results-lifecycle");
    assert.equal((lifecycle.inputs.rules as { expiration: { days: number } }[])[0].expiration.days, 7);
    const block = named(result, "query-side-results-public-access").inputs;
    assert.ok(
      block.blockPublicAcls &&
        block.blockPublicPolicy &&
        block.ignorePublicAcls &&
        block.restrictPublicBuckets,
    );
    assert.deepEqual(named(result, "query-side-results-ownership").inputs.rule, {
      objectOwnership: "BucketOwnerEnforced",
    });
    const tls = statement(policyOf(named(result, "query-side-results-policy")), "DenyInsecureTransport");
    assert.deepEqual(tls.Condition, { Bool: { "aws:SecureTransport": "false" } });
    const sse = named(result, "query-side-results-encryption").inputs.rules as {
      applyServerSideEncryptionByDefault: { sseAlgorithm: string };
    }[];
    assert.equal(sse[0].applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
  });

  it("one named query per question, each pruning the projected days", async () => {
    const queries = ofType(await plan(stackConfig()), "aws:athena/namedQuery:NamedQuery");
    assert.deepEqual(
      queries.map((q) => q.inputs.name).sort(),
      QUESTIONS.map((q) => `investigate-${q.name}`).sort(),
    );
    for (const q of queries) {
      assert.match(q.inputs.query as string, /e\."day" >= date_format\(current_date - INTERVAL '30' DAY/);
      assert.equal(q.inputs.workgroup, "org-governance-investigations");
    }
  });

  it("the reader role decrypts the archive only with CloudTrail's encryption context", async () => {
    const result = await plan(stackConfig());
    const policy = policyOf(named(result, "query-side-reader-policy"));
    const decrypt = statement(policy, "DecryptTrailLogs");
    assert.equal(decrypt.Action, "kms:Decrypt");
    assert.deepEqual(decrypt.Condition, {
      StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*" },
    });
    assert.equal(
      statement(policy, "RunQueriesInTheWorkgroup").Resource,
      "arn:aws:athena:eu-west-1:222233334444:workgroup/org-governance-investigations",
    );
    const trust = policyOf(named(result, "query-side-reader"), "assumeRolePolicy");
    assert.deepEqual(statement(trust, "LogArchiveAccountAssumes").Principal, {
      AWS: "arn:aws:iam::222233334444:root",
    });
  });

  it("exports the workgroup, database, table and reader role for the tool", async () => {
    const result = await plan(
      stackConfig({
        query: {
          lake: {
            eventDataStoreArn: "arn:aws:cloudtrail:eu-west-1:111122223333:eventdatastore/EXAMPLE-f852",
          },
        },
      }),
    );
    const investigation = result.outputs.investigation as Record<string, unknown>;
    assert.equal(investigation.workgroup, "org-governance-investigations");
    assert.equal(investigation.database, "org_governance_audit");
    assert.equal(
      investigation.eventDataStoreArn,
      "arn:aws:cloudtrail:eu-west-1:111122223333:eventdatastore/EXAMPLE-f852",
    );
  });
});
