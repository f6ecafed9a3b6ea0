import assert from "node:assert/strict";
import { CloudTrailRecordGenerator } from "../../../tools/bench/cloudtrail-records";
import { CIS_CONTROLS, type CloudTrailRecord } from "../../../lib/controls";
import { compileFilterPattern } from "../../../lib/filter-pattern";

const SAMPLE = 4000;

function sample(seed = 1, count = SAMPLE): CloudTrailRecord[] {
  return new CloudTrailRecordGenerator(seed)
    .lines(0, count)
    .map((line) => JSON.parse(line) as CloudTrailRecord);
}

function share(records: readonly CloudTrailRecord[], test: (record: CloudTrailRecord) => boolean): number {
  return records.filter(test).length / records.length;
}

describe("CloudTrailRecordGenerator", () => {
  const records = sample();

  it("gives the same record for the same seed and index, whichever slice asks for it", () => {
    const generator = new CloudTrailRecordGenerator(7);
    const whole = generator.lines(0, 50);
    assert.deepEqual(new CloudTrailRecordGenerator(7).lines(20, 30), whole.slice(20));
    assert.equal(JSON.stringify(generator.record(33)), whole[33]);
  });

  it("gives another stream for another seed", () => {
    const [a, b] = [1, 2].map((seed) => new CloudTrailRecordGenerator(seed).lines(0, 20));
    assert.equal(a.filter((line, index) => line === b[index]).length, 0);
  });

  it("writes records with the fields CloudTrail always writes, unique event ids and rising times", () => {
    for (const record of records) {
      for (const field of ["eventVersion", "eventTime", "eventSource", "eventName", "awsRegion", "eventID"]) {
        assert.equal(typeof record[field], "string", `${field} of ${JSON.stringify(record).slice(0, 200)}`);
      }
      assert.equal(typeof record.userIdentity.type, "string");
    }
    assert.equal(new Set(records.map((record) => record.eventID)).size, records.length);
    const times = records.map((record) => Date.parse(record.eventTime));
    assert.ok(times.every((time, index) => index === 0 || time >= times[index - 1]));
  });

  it("mixes many services, mostly assumed roles, and a few percent of failed calls", () => {
    assert.ok(new Set(records.map((record) => record.eventSource)).size >= 12);
    const assumedRoles = share(records, (record) => record.userIdentity.type === "AssumedRole");
    assert.ok(assumedRoles > 0.5 && assumedRoles < 0.8, `assumed roles: ${assumedRoles}`);
    assert.ok(share(records, (record) => record.userIdentity.type === "AWSService") > 0.05);
    const failed = share(
      records,
      (record) => record.errorCode !== undefined || record.errorMessage !== undefined,
    );
    assert.ok(failed > 0.01 && failed < 0.1, `failed calls: ${failed}`);
    assert.ok(share(records, (record) => record.eventCategory === "Data") > 0.05, "S3 data events");
  });

  it("is about the size of real records (a kilobyte or so)", () => {
    const sizes = new CloudTrailRecordGenerator(1).lines(0, 500).map((line) => line.length);
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    assert.ok(mean > 800 && mean < 2500, `mean record size ${mean}`);
  });

  it("gives the CIS patterns something to catch, but only a small share of the records", () => {
    const matchers = CIS_CONTROLS.map((control) => ({
      id: control.id,
      matcher: compileFilterPattern(control.filterPattern),
    }));
    const fired = new Set<string>();
    let matched = 0;
    for (const record of records) {
      const hits = matchers.filter(({ matcher }) => matcher.matchesRecord(record));
      hits.forEach(({ id }) => fired.add(id));
      if (hits.length > 0) matched++;
    }
    assert.ok(fired.size >= 6, `only ${[...fired].join(", ")} fired`);
    assert.ok(matched / records.length > 0.01 && matched / records.length < 0.1, `${matched} matched`);
  });
});
