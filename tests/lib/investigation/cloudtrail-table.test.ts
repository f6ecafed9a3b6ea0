import { strict as assert } from "node:assert";
import { readdirSync, rmSync } from "node:fs";
import {
  CLOUDTRAIL_COLUMNS,
  CLOUDTRAIL_STORAGE,
  hiveType,
  partitionLocation,
  projectionParameters,
} from "../../../lib/investigation";
import { cloudTrailRecord, writeArchive } from "../../support/investigation/archive";

// "Create the table for CloudTrail logs in Athena using partition projection", Amazon Athena User Guide:
// https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
// The column list and types of its CREATE EXTERNAL TABLE statement, as the page prints them.
const DOCUMENTED_COLUMNS: [string, string][] = [
  ["eventversion", "string"],
  [
    "useridentity",
    "struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string," +
      "onbehalfof:struct<userid:string,identitystorearn:string>," +
      "sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>," +
      "sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>," +
      "ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>",
  ],
  ["eventtime", "string"],
  ["eventsource", "string"],
  ["eventname", "string"],
  ["awsregion", "string"],
  ["sourceipaddress", "string"],
  ["useragent", "string"],
  ["errorcode", "string"],
  ["errormessage", "string"],
  ["requestparameters", "string"],
  ["responseelements", "string"],
  ["additionaleventdata", "string"],
  ["requestid", "string"],
  ["eventid", "string"],
  ["readonly", "string"],
  ["resources", "array<struct<arn:string,accountid:string,type:string>>"],
  ["eventtype", "string"],
  ["apiversion", "string"],
  ["recipientaccountid", "string"],
  ["serviceeventdetails", "string"],
  ["sharedeventid", "string"],
  ["vpcendpointid", "string"],
  ["vpcendpointaccountid", "string"],
  ["eventcategory", "string"],
  ["addendum", "struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>"],
  ["sessioncredentialfromconsole", "string"],
  ["edgedevicedetails", "string"],
  ["tlsdetails", "struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>"],
];

describe("the CloudTrail table", () => {
  it("has the columns and types of the Athena user guide's CloudTrail table", () => {
    assert.deepEqual(
      CLOUDTRAIL_COLUMNS.map((c) => [c.name.toLowerCase(), hiveType(c.type)]),
      DOCUMENTED_COLUMNS,
    );
  });

  it("reads with the documented SerDe and CloudTrail input format", () => {
    assert.equal(CLOUDTRAIL_STORAGE.serializationLibrary, "org.apache.hive.hcatalog.data.JsonSerDe");
    assert.equal(CLOUDTRAIL_STORAGE.inputFormat, "com.amazon.emr.cloudtrail.CloudTrailInputFormat");
  });

  it("the projection template resolves to the prefix of every key of a generated organization archive", () => {
    const files = ["111111111111", "222222222222"].flatMap((account) =>
      ["us-east-1", "eu-west-1"].map((region) => ({
        account,
        region,
        records: [
          cloudTrailRecord({
            eventTime: "2024-07-30T10:00:00Z",
            eventName: "PutObject",
            account,
            arn: `arn:aws:iam::${account}:user/a`,
          }),
        ],
      })),
    );
    const root = writeArchive(files, "o-exampleorgid");
    try {
      const keys = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
        (k) => k.endsWith(".json.gz") && k.includes("/CloudTrail/"),
      );
      assert.equal(keys.length, 4);
      const parameters = projectionParameters({
        bucketName: "archive-bucket",
        organizationId: "o-exampleorgid",
        accountIds: ["222222222222", "111111111111"],
        regions: ["us-east-1", "eu-west-1"],
        firstDay: "2024/01/01",
      });
      assert.equal(parameters["projection.account.values"], "111111111111,222222222222");
      for (const key of keys) {
        const [, , account, , region, yyyy, mm, dd] = key.split("/");
        assert.ok(parameters["projection.account.values"].split(",").includes(account));
        assert.ok(parameters["projection.region.values"].split(",").includes(region));
        const location = partitionLocation(parameters["storage.location.template"], {
          account,
          region,
          day: `${yyyy}/${mm}/${dd}`,
        });
        assert.ok(
          `s3://archive-bucket/${key}`.startsWith(`${location}/`),
          `${location} is not the prefix of ${key}`,
        );
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("Insights live under CloudTrail-Insight, outside the log table's partitions", () => {
    const parameters = projectionParameters({
      bucketName: "b",
      organizationId: "o-1",
      accountIds: ["1"],
      regions: ["us-east-1"],
      firstDay: "2024/01/01",
      logType: "CloudTrail-Insight",
    });
    assert.equal(
      parameters["storage.location.template"],
      "s3://b/AWSLogs/o-1/${account}/CloudTrail-Insight/${region}/${day}",
    );
  });
});
