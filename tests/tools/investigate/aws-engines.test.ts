import { strict as assert } from "node:assert";
import {
  athenaDialect,
  findQuestion,
  lakeDialect,
  renderQuestion,
  TIMELINE_COLUMNS,
} from "../../../lib/investigation";
import { openAthenaEngine } from "../../../tools/investigate/athena-engine";
import { openLakeEngine } from "../../../tools/investigate/lake-engine";
import {
  EndpointError,
  startJsonEndpoint,
  type Handler,
  type JsonEndpoint,
} from "../../support/investigation/json-endpoint";
import { useTestCredentialsInEnvironment } from "../../support/organizations-endpoint/test-credentials";
import { runInvestigate } from "./helpers";

const ATHENA_TARGET = "AmazonAthena.";
const CLOUDTRAIL_TARGET = "CloudTrail_20131101.";
const STORE_ARN =
  "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE";

function timelineValues(n: number): string[] {
  return TIMELINE_COLUMNS.map((c) =>
    c === "time" ? `2024-07-30T21:5${n}:13Z` : c === "error" ? "" : `${c}-${n}`,
  );
}

/** States answered by successive calls; the last repeats. */
function sequence<T>(values: T[]): () => T {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)];
}

async function withEndpoint(
  prefix: string,
  variable: string,
  handlers: Record<string, Handler>,
  body: (endpoint: JsonEndpoint) => Promise<void>,
): Promise<void> {
  const endpoint = await startJsonEndpoint(prefix, handlers);
  const restore = useTestCredentialsInEnvironment({ [variable]: endpoint.url, AWS_REGION: "us-east-1" });
  try {
    await body(endpoint);
  } finally {
    restore();
    await endpoint.close();
  }
}

// "Running SQL queries using Amazon Athena" (Athena user guide) and the API reference of
// StartQueryExecution / GetQueryExecution / GetQueryResults: the state goes QUEUED → RUNNING →
// SUCCEEDED | FAILED | CANCELLED; results come in pages (NextToken), the first row of a SELECT's first
// page holds the column names.
describe("Athena engine against a loopback Athena endpoint", () => {
  const athenaResults = (): Record<string, Handler> => {
    const state = sequence(["QUEUED", "RUNNING", "SUCCEEDED"]);
    const header = { Data: TIMELINE_COLUMNS.map((c) => ({ VarCharValue: c })) };
    const row = (n: number) => ({
      Data: timelineValues(n).map((v) => (v === "" ? {} : { VarCharValue: v })),
    });
    const metadata = { ColumnInfo: TIMELINE_COLUMNS.map((c) => ({ Name: c, Type: "varchar" })) };
    return {
      StartQueryExecution: () => ({ QueryExecutionId: "q-1" }),
      GetQueryExecution: () => ({
        QueryExecution: {
          QueryExecutionId: "q-1",
          Status: { State: state() },
          Statistics: { DataScannedInBytes: 1024 },
        },
      }),
      GetQueryResults: (input) =>
        input.NextToken === "page-2"
          ? { ResultSet: { Rows: [row(2)], ResultSetMetadata: metadata } }
          : { ResultSet: { Rows: [header, row(1)], ResultSetMetadata: metadata }, NextToken: "page-2" },
    };
  };

  it("starts the query in the workgroup, polls QUEUED and RUNNING to SUCCEEDED, pages results, drops the header row", async () => {
    await withEndpoint(ATHENA_TARGET, "AWS_ENDPOINT_URL_ATHENA", athenaResults(), async (endpoint) => {
      const engine = await openAthenaEngine({
        workgroup: "wg",
        database: "db",
        table: "cloudtrail",
        pollMilliseconds: 1,
      });
      const sql = renderQuestion(
        findQuestion("principal")!,
        engine.dialect,
        { literal: "arn:aws:iam::1:user/a" },
        { window: { from: "2024-07-30T00:00:00Z" } },
      );
      const statuses: string[] = [];
      const rows = await engine.run(sql, (s) => statuses.push(s));
      await engine.close();
      assert.deepEqual(
        rows.map((r) => r.event_id),
        ["event_id-1", "event_id-2"],
      );
      assert.equal(rows[0].error, null, "a value without VarCharValue is NULL");
      assert.deepEqual(statuses, ["Athena QUEUED, 0.0 MB scanned", "Athena RUNNING, 0.0 MB scanned"]);
      const start = endpoint.calls.find((c) => c.operation === "StartQueryExecution")!;
      const { ClientRequestToken, ...sent } = start.input;
      assert.equal(typeof ClientRequestToken, "string", "the SDK makes the start idempotent");
      assert.deepEqual(sent, {
        QueryString: sql,
        WorkGroup: "wg",
        QueryExecutionContext: { Database: "db", Catalog: "AwsDataCatalog" },
      });
      assert.deepEqual(
        endpoint.calls.map((c) => c.operation),
        [
          "StartQueryExecution",
          "GetQueryExecution",
          "GetQueryExecution",
          "GetQueryExecution",
          "GetQueryResults",
          "GetQueryResults",
        ],
      );
    });
  });

  for (const state of ["FAILED", "CANCELLED"]) {
    it(`a ${state} query is an error naming the reason (exit 2)`, async () => {
      const handlers: Record<string, Handler> = {
        StartQueryExecution: () => ({ QueryExecutionId: "q-2" }),
        GetQueryExecution: () => ({
          QueryExecution: {
            Status: { State: state, StateChangeReason: "Query exhausted resources at this scale factor" },
          },
        }),
      };
      await withEndpoint(ATHENA_TARGET, "AWS_ENDPOINT_URL_ATHENA", handlers, async () => {
        const { code, stderr } = await runInvestigate(
          "changes",
          "--engine",
          "athena",
          "--from",
          "2024-07-30",
        );
        assert.equal(code, 2);
        assert.match(stderr, new RegExp(`Athena query q-2 ${state}: Query exhausted resources`));
      });
    });
  }

  it("the command sends the rendered SQL with the default workgroup and database, and prints the rows", async () => {
    const handlers = athenaResults();
    handlers.GetQueryExecution = () => ({ QueryExecution: { Status: { State: "SUCCEEDED" } } });
    await withEndpoint(ATHENA_TARGET, "AWS_ENDPOINT_URL_ATHENA", handlers, async (endpoint) => {
      const { code, stdout } = await runInvestigate(
        "ip",
        "203.0.113.0/24",
        "--engine",
        "athena",
        "--from",
        "2024-07-30",
        "--to",
        "2024-07-31",
        "--json",
      );
      assert.equal(code, 0);
      assert.equal((JSON.parse(stdout) as { count: number }).count, 2);
      const sent = endpoint.calls.find((c) => c.operation === "StartQueryExecution")!.input;
      const expected = renderQuestion(
        findQuestion("ip")!,
        athenaDialect("org_governance_audit", "cloudtrail"),
        { literal: "203.0.113.0/24" },
        {
          window: { from: "2024-07-30T00:00:00Z", to: "2024-07-31T00:00:00Z" },
        },
      );
      assert.equal(sent.QueryString, expected);
      assert.equal(sent.WorkGroup, "org-governance-investigations");
    });
  });

  it("access denied says which role to use (exit 2)", async () => {
    const handlers: Record<string, Handler> = {
      StartQueryExecution: () =>
        new EndpointError(
          "AccessDeniedException",
          "User is not authorized to perform: athena:StartQueryExecution",
        ),
    };
    await withEndpoint(ATHENA_TARGET, "AWS_ENDPOINT_URL_ATHENA", handlers, async () => {
      const { code, stderr } = await runInvestigate("changes", "--engine", "athena");
      assert.equal(code, 2);
      assert.match(stderr, /^investigate: Athena: access denied .*reader role/);
    });
  });
});

// CloudTrail Lake: StartQuery, then GetQueryResults (QueryStatus QUEUED | RUNNING | FINISHED | FAILED |
// CANCELLED | TIMED_OUT; rows as lists of one-key objects; NextToken) — "GetQueryResults", AWS
// CloudTrail API Reference.
describe("CloudTrail Lake engine against a loopback CloudTrail endpoint", () => {
  const lakeRow = (n: number) => TIMELINE_COLUMNS.map((c, i) => ({ [c]: timelineValues(n)[i] }));

  it("starts the query, polls to FINISHED, pages results, merges each row's cells", async () => {
    const status = sequence(["QUEUED", "RUNNING", "FINISHED"]);
    const handlers: Record<string, Handler> = {
      StartQuery: () => ({ QueryId: "lake-1" }),
      GetQueryResults: (input) => {
        if (input.NextToken === "t2") return { QueryStatus: "FINISHED", QueryResultRows: [lakeRow(2)] };
        const s = status();
        return s === "FINISHED"
          ? { QueryStatus: s, QueryResultRows: [lakeRow(1)], NextToken: "t2" }
          : { QueryStatus: s };
      },
    };
    await withEndpoint(CLOUDTRAIL_TARGET, "AWS_ENDPOINT_URL_CLOUDTRAIL", handlers, async (endpoint) => {
      const engine = await openLakeEngine({ eventDataStoreArn: STORE_ARN, pollMilliseconds: 1 });
      const sql = renderQuestion(
        findQuestion("access-key")!,
        engine.dialect,
        { literal: "ASIAEXAMPLE" },
        { window: {} },
      );
      const rows = await engine.run(sql);
      await engine.close();
      assert.deepEqual(
        rows.map((r) => r.event_id),
        ["event_id-1", "event_id-2"],
      );
      assert.equal(endpoint.calls[0].target, `${CLOUDTRAIL_TARGET}StartQuery`);
      assert.deepEqual(endpoint.calls[0].input, { QueryStatement: sql });
      assert.match(sql, /FROM "EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE" e/);
      assert.deepEqual(
        endpoint.calls.map((c) => c.operation),
        ["StartQuery", "GetQueryResults", "GetQueryResults", "GetQueryResults", "GetQueryResults"],
      );
    });
  });

  for (const status of ["FAILED", "CANCELLED", "TIMED_OUT"]) {
    it(`a ${status} query is an error naming the reason (exit 2)`, async () => {
      const handlers: Record<string, Handler> = {
        StartQuery: () => ({ QueryId: "lake-2" }),
        GetQueryResults: () => ({ QueryStatus: status, ErrorMessage: "Query exceeded the limit" }),
      };
      await withEndpoint(CLOUDTRAIL_TARGET, "AWS_ENDPOINT_URL_CLOUDTRAIL", handlers, async (endpoint) => {
        const { code, stderr } = await runInvestigate(
          "sign-ins",
          "--engine",
          "lake",
          "--event-data-store",
          STORE_ARN,
        );
        assert.equal(code, 2);
        assert.match(stderr, new RegExp(`CloudTrail Lake query lake-2 ${status}: Query exceeded the limit`));
        const expected = renderQuestion(
          findQuestion("sign-ins")!,
          lakeDialect("EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE"),
          undefined,
          { window: {} },
        );
        assert.equal(endpoint.calls[0].input.QueryStatement, expected);
      });
    });
  }
});
