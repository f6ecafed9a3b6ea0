import assert from "node:assert/strict";
import {
  apiCall,
  assumedRole,
  awsService,
  cloudTrailRecord,
  consoleLogin,
  ordinaryActivity,
  rootUser,
  VECTOR_ACCOUNT_ID,
} from "../../../lib/controls/vectors";

describe("cloudTrailRecord", () => {
  it("fills the fields CloudTrail always writes", () => {
    const record = cloudTrailRecord({ eventSource: "ec2.amazonaws.com", eventName: "DescribeInstances" });
    assert.equal(record.eventType, "AwsApiCall");
    assert.equal(record.userIdentity.type, "IAMUser");
    assert.equal(record.recipientAccountId, VECTOR_ACCOUNT_ID);
    assert.equal(record.readOnly, true);
    assert.equal(record.requestParameters, null);
    assert.match(record.eventID, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal("errorCode" in record, false);
  });

  it("marks mutating calls as not read-only and keeps error fields when given", () => {
    const record = apiCall("iam.amazonaws.com", "CreateUser", { errorCode: "AccessDenied" });
    assert.equal(record.readOnly, false);
    assert.equal(record.errorCode, "AccessDenied");
  });

  it("derives the event id from the content: equal inputs agree, different inputs differ", () => {
    const a = apiCall("s3.amazonaws.com", "GetObject");
    assert.equal(apiCall("s3.amazonaws.com", "GetObject").eventID, a.eventID);
    assert.notEqual(apiCall("s3.amazonaws.com", "PutObject").eventID, a.eventID);
  });

  it("uses the service principal as source address and agent for service calls", () => {
    const record = apiCall("sts.amazonaws.com", "AssumeRole", {
      userIdentity: awsService("lambda.amazonaws.com"),
    });
    assert.equal(record.sourceIPAddress, "lambda.amazonaws.com");
    assert.equal(record.userAgent, "lambda.amazonaws.com");
  });
});

describe("identity helpers", () => {
  it("builds root and assumed-role identities with matching ARNs", () => {
    assert.equal(rootUser().arn, `arn:aws:iam::${VECTOR_ACCOUNT_ID}:root`);
    assert.equal(rootUser(VECTOR_ACCOUNT_ID, "support.amazonaws.com").invokedBy, "support.amazonaws.com");
    assert.equal("invokedBy" in rootUser(), false);
    assert.equal(assumedRole("r", "s").arn, `arn:aws:sts::${VECTOR_ACCOUNT_ID}:assumed-role/r/s`);
  });
});

describe("consoleLogin", () => {
  it("records MFA use and a failure the way sign-in does", () => {
    const failed = consoleLogin({ mfaUsed: false, outcome: "Failure" });
    assert.deepEqual(failed.responseElements, { ConsoleLogin: "Failure" });
    assert.equal(failed.errorMessage, "Failed authentication");
    assert.equal(failed.errorCode, undefined);
    assert.equal(failed.additionalEventData?.MFAUsed, "No");
    const ok = consoleLogin({ mfaUsed: true, outcome: "Success" });
    assert.equal(ok.errorMessage, undefined);
    assert.equal(ok.additionalEventData?.MFAUsed, "Yes");
    assert.equal(ok.eventType, "AwsConsoleSignIn");
  });
});

describe("ordinaryActivity", () => {
  it("includes the everyday calls the brief names", () => {
    const names = ordinaryActivity().map((r) => `${r.eventName}:${r.userIdentity.type}`);
    assert.deepEqual(names, [
      "DescribeInstances:IAMUser",
      "GetObject:AssumedRole",
      "ConsoleLogin:IAMUser",
      "AssumeRole:AWSService",
    ]);
  });
});
