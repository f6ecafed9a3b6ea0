import { strict as assert } from "node:assert";
import { Parser } from "node-sql-parser";
import {
  athenaDialect,
  lakeDialect,
  parseIpv4Cidr,
  QUESTIONS,
  renderNamedQuery,
  renderQuestion,
  type Dialect,
} from "../../../lib/investigation";

const parser = new Parser();
const window = { from: "2024-07-30T00:00:00Z", to: "2024-08-01T00:00:00Z" };
const athena = athenaDialect("org_governance_audit", "cloudtrail");
const lake = lakeDialect("EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE");

function parses(sql: string, database: string): void {
  try {
    parser.astify(sql, { database });
  } catch (error) {
    assert.fail(`${database} does not parse:\n${sql}\n${(error as Error).message.slice(0, 200)}`);
  }
}

function withValue(
  question: (typeof QUESTIONS)[number],
  dialect: Dialect,
  example = question.parameter.example,
) {
  return renderQuestion(question, dialect, { literal: example }, { window });
}

// node-sql-parser's `athena` grammar (Athena's SQL) and `trino` grammar (Athena engine version 3 and
// CloudTrail Lake are both Trino): every statement the tool and the program send must parse.
describe("the catalog's SQL, parsed in each engine's dialect", () => {
  for (const question of QUESTIONS) {
    it(`${question.name}: Athena SQL parses as Athena and Trino`, () => {
      const sql = withValue(question, athena);
      parses(sql, "athena");
      parses(sql, "trino");
      assert.match(sql, /e\."day" >= '2024\/07\/30'/, "prunes the projected day partitions");
      assert.match(sql, /e\."day" <= '2024\/08\/01'/);
      assert.match(sql, /FROM "org_governance_audit"\."cloudtrail" e/);
    });

    it(`${question.name}: Lake SQL parses as Trino`, () => {
      const sql = withValue(question, lake);
      parses(sql, "trino");
      assert.match(sql, /e\.eventTime >= from_iso8601_timestamp\('2024-07-30T00:00:00Z'\)/);
    });

    it(`${question.name}: the named query parses as Trino (Athena engine 3) with its parameter`, () => {
      const sql = renderNamedQuery(question, athena);
      // node-sql-parser's athena grammar has no `?` parameter marker; Athena engine 3 is Trino's.
      parses(sql, "trino");
      assert.equal((sql.match(/\?/g) ?? []).length, question.parameter.required ? 1 : 0);
      assert.match(sql, /e\."day" >= date_format\(current_date - INTERVAL '30' DAY, '%Y\/%m\/%d'\)/);
    });
  }

  it("values are quoted, so a value cannot end the string", () => {
    const principal = QUESTIONS.find((q) => q.name === "principal")!;
    const sql = withValue(principal, athena, "x' OR '1'='1");
    assert.ok(sql.includes("'x'' OR ''1''=''1'"));
    parses(sql, "trino");
  });

  it("CIDR blocks become the range of their addresses", () => {
    assert.deepEqual(parseIpv4Cidr("10.0.0.0/8"), { first: 167772160, last: 184549375 });
    assert.deepEqual(parseIpv4Cidr("192.0.2.77/32"), { first: 3221226061, last: 3221226061 });
    assert.deepEqual(parseIpv4Cidr("192.0.2.77/24"), { first: 3221225984, last: 3221226239 });
    assert.equal(parseIpv4Cidr("192.0.2.77"), undefined);
    assert.throws(() => parseIpv4Cidr("300.0.0.0/8"), /not an IPv4 CIDR block/);
  });
});
