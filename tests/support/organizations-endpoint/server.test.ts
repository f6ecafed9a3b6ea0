import assert from "node:assert/strict";
import {
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  paginateListAccountsForParent,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import type { OrganizationSnapshot } from "../../../lib/organization/snapshot";
import { decideFate, type FaultPlan } from "./faults";
import { generateOrganization } from "./generate";
import { testClient } from "./harness";
import { MAX_RESULTS } from "./paging";
import { startOrganizationsEndpoint, type OrganizationsEndpoint } from "./server";

const TARGET = "AWSOrganizationsV20161128.";

/** A request as the SDK would send it, minus a valid signature (the endpoint only reads the key id). */
function post(url: string, operation: string, body: object, accessKeyId = "AKIDTEST", attempt = 1) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `${TARGET}${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/organizations/aws4_request`,
      "amz-sdk-request": `attempt=${attempt}; max=3`,
    },
    body: JSON.stringify(body),
  });
}

/** The parent with the most accounts, and its accounts in listing (id) order. */
function busiestParent(org: OrganizationSnapshot) {
  const counts = new Map<string, string[]>();
  for (const a of org.accounts) counts.set(a.parentId, [...(counts.get(a.parentId) ?? []), a.id]);
  const [parentId, ids] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  return { parentId, ids: ids.sort() };
}

async function listAllAccountIds(client: OrganizationsClient, parentId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginateListAccountsForParent(
    { client, pageSize: MAX_RESULTS },
    { ParentId: parentId },
  )) {
    ids.push(...(page.Accounts ?? []).map((a) => a.Id as string));
  }
  return ids;
}

describe("organizations endpoint", () => {
  const org = generateOrganization({ accounts: 70, ous: 2, depth: 1, seed: 11 });
  const busiest = busiestParent(org);
  let endpoint: OrganizationsEndpoint;
  let client: OrganizationsClient;

  async function serve(faults: FaultPlan = {}, organization = org) {
    endpoint = await startOrganizationsEndpoint({ organization, faults });
    client = testClient(endpoint.url, { maxAttempts: 1 });
  }

  afterEach(async () => {
    client?.destroy();
    await endpoint?.close();
  });

  it("listens on 127.0.0.1 with a system-chosen port", async () => {
    await serve();
    assert.match(endpoint.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("pages a parent's accounts 20 at a time with NextToken, in id order", async () => {
    await serve();
    assert.ok(busiest.ids.length > MAX_RESULTS, "precondition: a parent needs more than one page");
    const first = await client.send(
      new ListAccountsForParentCommand({ ParentId: busiest.parentId, MaxResults: 20 }),
    );
    assert.equal(first.Accounts?.length, 20);
    assert.ok(first.NextToken);
    assert.deepEqual(await listAllAccountIds(client, busiest.parentId), busiest.ids);
    assert.equal(endpoint.counters.answered.ListAccountsForParent, 1 + Math.ceil(busiest.ids.length / 20));
  });

  it("refuses MaxResults above the service limit of 20, as the service does", async () => {
    await serve();
    await assert.rejects(
      client.send(new ListAccountsForParentCommand({ ParentId: busiest.parentId, MaxResults: 21 })),
      (e: Error) => e.name === "InvalidInputException" && /between 1 and 20/.test(e.message),
    );
  });

  it("refuses a NextToken from another listing", async () => {
    await serve();
    const first = await client.send(new ListAccountsForParentCommand({ ParentId: busiest.parentId }));
    await assert.rejects(
      client.send(
        new ListOrganizationalUnitsForParentCommand({
          ParentId: org.roots[0].id,
          NextToken: first.NextToken,
        }),
      ),
      { name: "InvalidInputException" },
    );
  });

  it("answers errors as {__type, Message} with the service's status codes", async () => {
    await serve({ throttleRate: 1 });
    const throttled = await post(endpoint.url, "DescribeOrganization", {});
    assert.equal(throttled.status, 400);
    assert.deepEqual(await throttled.json(), {
      __type: "TooManyRequestsException",
      Message: "Rate exceeded",
      Type: "AWSOrganizations",
    });
    await endpoint.close();
    await serve({ serverErrorRate: 1 });
    const failed = await post(endpoint.url, "DescribeOrganization", {});
    assert.equal(failed.status, 500);
    assert.equal(((await failed.json()) as { __type: string }).__type, "ServiceException");
  });

  it("accepts only the test access key", async () => {
    await serve();
    const response = await post(endpoint.url, "DescribeOrganization", {}, "AKIAREALKEY");
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { __type: string }).__type, "UnrecognizedClientException");
    assert.deepEqual(endpoint.counters.requests, {});
  });

  it("refuses unknown operations and missing parents", async () => {
    await serve();
    const unknown = await post(endpoint.url, "CreateAccount", {});
    assert.equal(((await unknown.json()) as { __type: string }).__type, "UnknownOperationException");
    const missing = await post(endpoint.url, "ListAccountsForParent", { ParentId: "ou-zzzz-zzzzzzzz" });
    assert.equal(((await missing.json()) as { __type: string }).__type, "ParentNotFoundException");
  });

  it("drops the connection without an answer", async () => {
    await serve({ dropRate: 1 });
    await assert.rejects(post(endpoint.url, "DescribeOrganization", {}));
    assert.equal(endpoint.counters.faults.drop, 1);
  });

  it("denies one named operation and answers the others", async () => {
    await serve({ accessDenied: "ListAccountsForParent" });
    const denied = await post(endpoint.url, "ListAccountsForParent", { ParentId: org.roots[0].id });
    assert.equal(((await denied.json()) as { __type: string }).__type, "AccessDeniedException");
    assert.equal((await post(endpoint.url, "DescribeOrganization", {})).status, 200);
  });

  it("cuts a named operation's body in half", async () => {
    await serve({ truncateBody: "DescribeOrganization" });
    const response = await post(endpoint.url, "DescribeOrganization", {});
    assert.equal(response.status, 200);
    await assert.rejects(response.json(), SyntaxError);
    assert.equal(endpoint.counters.faults.truncate, 1);
  });

  it("repeats the last account of a page at the start of the next for the named parent", async () => {
    await serve({ duplicateAcrossPages: busiest.parentId });
    const ids = await listAllAccountIds(client, busiest.parentId);
    assert.equal(ids.length, busiest.ids.length + Math.ceil(busiest.ids.length / 20) - 1);
    assert.equal(ids[19], ids[20]);
    assert.deepEqual([...new Set(ids)], busiest.ids);
  });

  it("lets an account vanish from its parent's listing after the first page", async () => {
    const vanishing = busiest.ids[25];
    await serve({ vanishAccount: vanishing });
    const ids = await listAllAccountIds(client, busiest.parentId);
    assert.deepEqual(
      ids,
      busiest.ids.filter((id) => id !== vanishing),
    );
    assert.equal(endpoint.counters.faults.vanish, 1);
  });

  it("counts requests per operation, answers and faults", async () => {
    await serve({ accessDenied: "ListRoots" });
    await post(endpoint.url, "DescribeOrganization", {});
    await post(endpoint.url, "DescribeOrganization", {});
    await post(endpoint.url, "ListRoots", {});
    assert.deepEqual(endpoint.counters.requests, { DescribeOrganization: 2, ListRoots: 1 });
    assert.deepEqual(endpoint.counters.answered, { DescribeOrganization: 2 });
    assert.deepEqual(endpoint.counters.faults, { accessDenied: 1 });
    assert.equal(endpoint.successfulCalls(), 2);
  });

  it("delays slow answers by the planned time, answering only after the wait", async () => {
    const events: string[] = [];
    endpoint = await startOrganizationsEndpoint({
      organization: org,
      faults: { slowRate: 1, slowMs: 150 },
      sleep: async (ms) => {
        events.push(`wait ${ms} ms`);
      },
    });
    const response = await post(endpoint.url, "DescribeOrganization", {});
    events.push(`answer ${response.status}`);
    assert.deepEqual(events, ["wait 150 ms", "answer 200"]);
    assert.equal(endpoint.counters.faults.slow, 1);
  });
});

describe("decideFate", () => {
  const request = { operation: "ListRoots" as const, body: "{}", attempt: 1 };

  it("gives the same request and attempt the same fate, and a new attempt a new roll", () => {
    const plan = { seed: 9, throttleRate: 0.5 };
    assert.deepEqual(decideFate(plan, request), decideFate(plan, request));
    const fates = Array.from(
      { length: 40 },
      (_, i) => decideFate(plan, { ...request, attempt: i + 1 }).interruption,
    );
    assert.ok(fates.includes("throttle") && fates.includes(undefined));
  });

  it("injects faults at about the planned rate", () => {
    const plan = { seed: 1, throttleRate: 0.2 };
    const bodies = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ NextToken: String(i) }));
    const throttled = bodies.filter(
      (body) => decideFate(plan, { ...request, body }).interruption === "throttle",
    );
    assert.ok(throttled.length > 330 && throttled.length < 470, `${throttled.length} of 2000 throttled`);
  });
});
