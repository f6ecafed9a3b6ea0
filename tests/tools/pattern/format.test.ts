import assert from "node:assert/strict";
import { apiCall, assumedRole, awsService, iamUser } from "../../../lib/controls/vectors";
import { alignedTable, matchesTable, matchJson, matchRow, principalOf } from "../../../tools/pattern/format";

describe("principalOf", () => {
  it("prefers the ARN, then type and user name, invoking service or principal id", () => {
    assert.equal(
      principalOf(apiCall("s3.amazonaws.com", "GetObject", { userIdentity: assumedRole("r", "s") })),
      "arn:aws:sts::111122223333:assumed-role/r/s",
    );
    assert.equal(principalOf({ userIdentity: { ...iamUser("bob"), arn: undefined } }), "IAMUser/bob");
    assert.equal(
      principalOf({ userIdentity: awsService("lambda.amazonaws.com") }),
      "AWSService/lambda.amazonaws.com",
    );
    assert.equal(principalOf({ userIdentity: { type: "Unknown", principalId: "AIDAX" } }), "Unknown/AIDAX");
    assert.equal(principalOf({ userIdentity: { type: "Root" } }), "Root");
    assert.equal(principalOf({}), "-");
  });
});

describe("matchRow", () => {
  it("copies the shown fields, with a dash for missing ones", () => {
    const record = apiCall("ec2.amazonaws.com", "DescribeInstances");
    const row = matchRow(record, "a.json", ["x"]);
    assert.deepEqual(row, {
      source: "a.json",
      eventTime: "2024-08-01T12:00:00Z",
      eventName: "DescribeInstances",
      principal: "arn:aws:iam::111122223333:user/alice",
      eventID: record.eventID,
      controls: ["x"],
    });
    assert.deepEqual(matchRow({}, "-"), {
      source: "-",
      eventTime: "-",
      eventName: "-",
      principal: "-",
      eventID: "-",
    });
  });
});

describe("alignedTable", () => {
  it("pads every column but the last to its widest cell", () => {
    assert.equal(
      alignedTable(
        ["A", "BB", "C"],
        [
          ["xxx", "y", "zzzz"],
          ["", "", ""],
        ],
      ),
      "A    BB  C\nxxx  y   zzzz\n\n",
    );
  });
});

describe("matchesTable", () => {
  const row = matchRow(apiCall("ec2.amazonaws.com", "CreateVpc"), "f.json", ["vpc-changes", "other"]);

  it("adds FILE and CONTROLS columns only when asked", () => {
    const plain = matchesTable([row], false, false).split("\n")[0];
    assert.deepEqual(plain.split(/\s{2,}/), ["TIME", "EVENT", "PRINCIPAL", "EVENT ID"]);
    const full = matchesTable([row], true, true).split("\n");
    assert.deepEqual(full[0].split(/\s{2,}/), ["FILE", "TIME", "EVENT", "PRINCIPAL", "EVENT ID", "CONTROLS"]);
    assert.ok(full[1].startsWith("f.json  2024-08-01T12:00:00Z  CreateVpc  "), full[1]);
    assert.ok(full[1].endsWith("  vpc-changes,other"), full[1]);
  });

  it("writes one JSON object per line", () => {
    const line = matchJson(row);
    assert.ok(line.endsWith("}\n") && !line.slice(0, -1).includes("\n"));
    assert.deepEqual(JSON.parse(line), row);
  });
});
