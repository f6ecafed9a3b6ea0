import assert from "node:assert/strict";
import {
  InventoryError,
  callBudget,
  enumerateOrganization,
  type InventoryFailureReason,
  type InventoryProgress,
} from "../../../../lib/organization/inventory";
import type { AccountState, OrganizationSnapshot } from "../../../../lib/organization/snapshot";
import {
  generateOrganization,
  runInventory,
  runInventoryBenchmark,
  startOrganizationsEndpoint,
  testClient,
  useTestCredentialsInEnvironment,
  withoutRunDetails,
  withoutTags,
  type GenerateOrganizationOptions,
  type InventoryRun,
} from "../../../support/organizations-endpoint";

const SHAPES: Record<string, GenerateOrganizationOptions> = {
  "only the management account": { accounts: 1, ous: 0, depth: 0, seed: 1 },
  "two OUs of more than one page each": { accounts: 70, ous: 2, depth: 1, seed: 2 },
  "OUs nested five deep with suspended and closed accounts": {
    accounts: 300,
    ous: 30,
    depth: 5,
    seed: 3,
    suspended: 6,
    closed: 2,
  },
  "a root with more than one page of OUs": { accounts: 60, ous: 45, depth: 1, seed: 4 },
};

function accountsPerParent(org: OrganizationSnapshot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of org.accounts) counts.set(a.parentId, (counts.get(a.parentId) ?? 0) + 1);
  return counts;
}

function budgetOf(org: OrganizationSnapshot): number {
  return callBudget(org.accounts.length, org.organizationalUnits.length, org.roots.length);
}

/** The run's failure, which must be an InventoryError with this reason and a one-line message. */
function failure(run: InventoryRun, reason: InventoryFailureReason): InventoryError {
  assert.equal(run.snapshot, undefined, "a failed inventory returns no snapshot");
  assert.ok(run.error instanceof InventoryError, `expected an InventoryError, got ${String(run.error)}`);
  assert.equal(run.error.reason, reason, run.error.message);
  assert.doesNotMatch(run.error.message, /\n/);
  return run.error;
}

/** A copy of the organization with one account's listed fields changed. */
function withAccount(
  org: OrganizationSnapshot,
  index: number,
  change: Record<string, unknown>,
): OrganizationSnapshot {
  const accounts = org.accounts.map((a, i) => (i === index ? ({ ...a, ...change } as typeof a) : a));
  return { ...org, accounts };
}

describe("enumerateOrganization", () => {
  describe("lists exactly the organization", () => {
    for (const [title, shape] of Object.entries(SHAPES)) {
      it(title, async () => {
        const org = generateOrganization(shape);
        const run = await runInventory(org);
        assert.ok(run.snapshot, String(run.error));
        assert.deepEqual(withoutRunDetails(run.snapshot), withoutRunDetails(withoutTags(org)));
        assert.equal(run.snapshot.metadata?.source, "live");
      });
    }

    it("with tags, reading tag lists of more than one page", async () => {
      const org = generateOrganization({ accounts: 45, ous: 3, depth: 2, seed: 5 });
      const run = await runInventory(org, { withTags: true });
      assert.ok(run.snapshot, String(run.error));
      assert.deepEqual(withoutRunDetails(run.snapshot), withoutRunDetails(org));
      assert.ok(run.snapshot.accounts.some((a) => Object.keys(a.tags ?? {}).length > 20));
    });

    it("with an organization without trusted access or delegated administrators", async () => {
      const org = { ...generateOrganization({ accounts: 5, ous: 1, depth: 1, seed: 6 }) };
      org.trustedServices = [];
      org.delegatedAdministrators = [];
      const run = await runInventory(org);
      assert.deepEqual(run.snapshot?.trustedServices, []);
      assert.deepEqual(run.snapshot?.delegatedAdministrators, []);
    });

    it("with a consolidated-billing organization, without asking for what it cannot have", async () => {
      const generated = generateOrganization({ accounts: 5, ous: 1, depth: 1, seed: 7 });
      const org = {
        ...generated,
        organization: { ...generated.organization, featureSet: "CONSOLIDATED_BILLING" as const },
      };
      const run = await runInventory(org);
      assert.equal(run.snapshot?.organization.featureSet, "CONSOLIDATED_BILLING");
      assert.deepEqual(run.snapshot?.trustedServices, []);
      assert.equal(run.counters.requests.ListAWSServiceAccessForOrganization, undefined);
      assert.equal(run.counters.requests.ListDelegatedAdministrators, undefined);
    });

    it("reading the deprecated Status when State is absent", async () => {
      const org = generateOrganization({ accounts: 8, ous: 1, depth: 1, seed: 8, suspended: 2 });
      const endpoint = await startOrganizationsEndpoint({ organization: org });
      const client = testClient(endpoint.url);
      let stripped = 0;
      client.middlewareStack.add(
        (next) => async (args) => {
          const result = await next(args);
          const output = result.output as { Accounts?: { State?: string }[] };
          for (const account of output.Accounts ?? []) {
            delete account.State;
            stripped++;
          }
          return result;
        },
        { step: "initialize", name: "dropState" },
      );
      try {
        const snapshot = await enumerateOrganization({ client });
        assert.equal(stripped, 8);
        assert.deepEqual(withoutRunDetails(snapshot), withoutRunDetails(withoutTags(org)));
      } finally {
        client.destroy();
        await endpoint.close();
      }
    });
  });

  describe("call budget", () => {
    for (const [title, shape] of Object.entries(SHAPES)) {
      it(`stays within ceil(accounts/20) + 2 × (OUs + roots) + 5 calls: ${title}`, async () => {
        const org = generateOrganization(shape);
        const run = await runInventory(org);
        assert.ok(
          run.successfulCalls <= budgetOf(org),
          `${run.successfulCalls} calls > budget ${budgetOf(org)}`,
        );
        assert.equal(run.snapshot?.metadata?.calls, run.successfulCalls);
        assert.equal(run.snapshot?.metadata?.retries, 0);
      });
    }

    it("pages every parent's listings 20 at a time and never asks for parents account by account", async () => {
      const org = generateOrganization(SHAPES["two OUs of more than one page each"]);
      const run = await runInventory(org);
      const pages = [...accountsPerParent(org).values()].reduce(
        (sum, n) => sum + Math.max(1, Math.ceil(n / 20)),
        0,
      );
      assert.ok(pages > 3, "precondition: some parent needs several pages");
      assert.equal(run.counters.answered.ListAccountsForParent, pages);
      assert.equal(run.counters.answered.ListOrganizationalUnitsForParent, 3);
      assert.equal(run.counters.answered.DescribeOrganization, 1);
      assert.deepEqual(Object.keys(run.counters.requests).sort(), [
        "DescribeOrganization",
        "ListAWSServiceAccessForOrganization",
        "ListAccountsForParent",
        "ListDelegatedAdministrators",
        "ListOrganizationalUnitsForParent",
        "ListRoots",
      ]);
    });

    it("keeps at most `concurrency` calls in flight", async () => {
      const org = generateOrganization({ accounts: 100, ous: 12, depth: 2, seed: 9 });
      const run = await runInventory(org, { concurrency: 3, faults: { slowRate: 1, slowMs: 5 } });
      assert.ok(run.snapshot, String(run.error));
      assert.equal(run.counters.maxConcurrent, 3);
    });

    it("reports progress after every call, ending at the final counts", async () => {
      const org = generateOrganization({ accounts: 50, ous: 4, depth: 2, seed: 10 });
      const seen: InventoryProgress[] = [];
      const run = await runInventory(org, { onProgress: (p) => seen.push(p) });
      assert.equal(seen.length, run.snapshot?.metadata?.calls);
      assert.deepEqual(
        seen.map((p) => p.calls),
        seen.map((_, i) => i + 1),
      );
      assert.deepEqual(seen.at(-1), { calls: seen.length, accounts: 50, ous: 4 });
    });
  });

  describe("survives a hostile endpoint", () => {
    it("30% throttling, 5% server errors and 5% dropped connections, counting every retry", async () => {
      const org = generateOrganization({ accounts: 250, ous: 20, depth: 3, seed: 12 });
      const run = await runInventory(org, {
        faults: { seed: 1, throttleRate: 0.3, serverErrorRate: 0.05, dropRate: 0.05 },
      });
      assert.ok(run.snapshot, String(run.error));
      assert.deepEqual(withoutRunDetails(run.snapshot), withoutRunDetails(withoutTags(org)));
      const requests = Object.values(run.counters.requests).reduce((sum, n) => sum + (n ?? 0), 0);
      assert.ok((run.counters.faults.throttle ?? 0) > 10);
      assert.equal(run.snapshot.metadata?.retries, requests - run.successfulCalls);
      assert.ok(run.successfulCalls <= budgetOf(org));
    });

    it("slow answers beyond the request timeout, by retrying them", async () => {
      const org = generateOrganization({ accounts: 40, ous: 3, depth: 2, seed: 13 });
      const run = await runInventory(org, {
        faults: { seed: 2, slowRate: 0.3, slowMs: 400 },
        client: { requestTimeoutMs: 100 },
      });
      assert.ok(run.snapshot, String(run.error));
      assert.ok((run.snapshot.metadata?.retries ?? 0) > 0);
    });
  });

  describe("fails closed with one line and a reason", () => {
    const org = generateOrganization({ accounts: 70, ous: 2, depth: 1, seed: 2 });
    const [busiestParent] = [...accountsPerParent(org).entries()].sort((a, b) => b[1] - a[1])[0];
    const accountsOfBusiest = org.accounts.filter((a) => a.parentId === busiestParent);

    it("access denied, naming the call and the permissions needed", async () => {
      const run = await runInventory(org, { faults: { accessDenied: "ListAccountsForParent" } });
      const error = failure(run, "access-denied");
      assert.match(error.message, /^ListAccountsForParent\((r|ou)-[a-z0-9-]+\): access denied/);
      assert.match(
        error.message,
        /management account or a delegated administrator with organizations:List\*/,
      );
    });

    it("an account outside any organization", async () => {
      const run = await runInventory(org, { faults: { notInOrganization: true } });
      assert.match(
        failure(run, "not-in-organization").message,
        /^DescribeOrganization: .*AWSOrganizationsNotInUse/,
      );
    });

    it("throttling that outlasts the retries", async () => {
      const run = await runInventory(org, { faults: { throttleRate: 1 }, client: { maxAttempts: 3 } });
      assert.match(failure(run, "retries-exhausted").message, /TooManyRequestsException\) after 3 attempts/);
      assert.equal(run.counters.requests.DescribeOrganization, 3);
    });

    it("server errors that outlast the retries", async () => {
      const run = await runInventory(org, { faults: { serverErrorRate: 1 }, client: { maxAttempts: 2 } });
      assert.match(
        failure(run, "retries-exhausted").message,
        /ServiceException, HTTP 500\) after 2 attempts/,
      );
    });

    it("dropped connections that outlast the retries", async () => {
      const run = await runInventory(org, { faults: { dropRate: 1 }, client: { maxAttempts: 2 } });
      assert.match(failure(run, "retries-exhausted").message, /ECONNRESET/);
    });

    it("requests that time out on every attempt", async () => {
      const run = await runInventory(org, {
        faults: { slowRate: 1, slowMs: 1000 },
        client: { requestTimeoutMs: 50, maxAttempts: 2 },
      });
      assert.match(
        failure(run, "timeout").message,
        /^DescribeOrganization: no answer in time after 2 attempts/,
      );
    });

    it("the overall deadline, promptly, even while calls are in flight", async () => {
      // Every answer is ten minutes away: the run can only end (within mocha's timeout) by abandoning
      // the calls in flight when the deadline passes, before any of them is answered.
      const run = await runInventory(org, { faults: { slowRate: 1, slowMs: 600_000 }, deadlineMs: 400 });
      assert.match(failure(run, "deadline").message, /did not finish within 400 ms \(\d+ calls/);
      assert.deepEqual(run.counters.answered, {});
      assert.ok((run.counters.requests.DescribeOrganization ?? 0) >= 1, "a call was in flight");
    });

    it("a truncated body", async () => {
      const run = await runInventory(org, { faults: { truncateBody: "ListOrganizationalUnitsForParent" } });
      assert.match(
        failure(run, "malformed-response").message,
        /^ListOrganizationalUnitsForParent\(.*unreadable/,
      );
    });

    it("a malformed account id, naming the field and the value", async () => {
      const run = await runInventory(withAccount(org, 5, { id: "12345" }));
      assert.match(
        failure(run, "malformed-response").message,
        /ListAccountsForParent\(.*\): malformed response, Accounts\[\d+\]\.Id: expected a 12-digit account id \(got "12345"\)/,
      );
    });

    it("an account still being created", async () => {
      const run = await runInventory(withAccount(org, 5, { state: "PENDING_ACTIVATION" as AccountState }));
      assert.match(
        failure(run, "unsupported-account-state").message,
        /is PENDING_ACTIVATION; it is still being created/,
      );
    });

    it("an account listed twice across pages", async () => {
      const run = await runInventory(org, { faults: { duplicateAcrossPages: busiestParent } });
      const error = failure(run, "duplicate-account");
      assert.match(error.message, new RegExp(`account \\d{12} is listed twice under ${busiestParent}`));
    });

    it("an account listed under two parents", async () => {
      const moved = accountsOfBusiest[3];
      const otherParent = org.roots[0].id;
      const twice = { ...org, accounts: [...org.accounts, { ...moved, parentId: otherParent }] };
      const run = await runInventory(twice);
      assert.match(
        failure(run, "parent-inconsistency").message,
        new RegExp(`account ${moved.id} is listed under both`),
      );
    });

    it("an OU listed under two parents", async () => {
      const [first, second] = org.organizationalUnits;
      const twice = {
        ...org,
        organizationalUnits: [...org.organizationalUnits, { ...first, parentId: second.id }],
      };
      const run = await runInventory(twice);
      assert.match(
        failure(run, "parent-inconsistency").message,
        new RegExp(`OU ${first.id} is listed under`),
      );
    });

    it("a delegated administrator that vanished from its OU's listing between pages", async () => {
      const vanishing = accountsOfBusiest[25].id;
      const named = {
        ...org,
        delegatedAdministrators: [{ servicePrincipal: "cloudtrail.amazonaws.com", accountId: vanishing }],
      };
      const run = await runInventory(named, { faults: { vanishAccount: vanishing } });
      assert.equal(run.counters.faults.vanish, 1);
      assert.match(
        failure(run, "missing-account").message,
        new RegExp(
          `account ${vanishing} \\(named by ListDelegatedAdministrators\\(cloudtrail.amazonaws.com\\)\\)`,
        ),
      );
    });
  });

  describe("connection settings", () => {
    it("uses credentials and AWS_ENDPOINT_URL_ORGANIZATIONS from the standard chain", async () => {
      const org = generateOrganization({ accounts: 3, ous: 1, depth: 1, seed: 14 });
      const endpoint = await startOrganizationsEndpoint({ organization: org });
      const restore = useTestCredentialsInEnvironment({ AWS_ENDPOINT_URL_ORGANIZATIONS: endpoint.url });
      try {
        const snapshot = await enumerateOrganization({});
        assert.equal(snapshot.accounts.length, 3);
      } finally {
        restore();
        await endpoint.close();
      }
    });

    it("lets the endpoint option override the environment", async () => {
      const org = generateOrganization({ accounts: 3, ous: 1, depth: 1, seed: 15 });
      const endpoint = await startOrganizationsEndpoint({ organization: org });
      const restore = useTestCredentialsInEnvironment({
        AWS_ENDPOINT_URL_ORGANIZATIONS: "http://127.0.0.1:9",
      });
      try {
        const snapshot = await enumerateOrganization({ endpoint: endpoint.url });
        assert.equal(snapshot.organization.id, org.organization.id);
      } finally {
        restore();
        await endpoint.close();
      }
    });

    it("refuses contradictory or impossible options before calling anything", async () => {
      const client = testClient("http://127.0.0.1:9");
      try {
        await assert.rejects(enumerateOrganization({ client, endpoint: "http://127.0.0.1:9" }), TypeError);
        await assert.rejects(
          enumerateOrganization({ client, concurrency: 0 }),
          /concurrency must be a whole number/,
        );
      } finally {
        client.destroy();
      }
    });
  });
});

describe("enumerateOrganization at scale (ORG_GOV_HEAVY=1)", function () {
  before(function () {
    if (process.env.ORG_GOV_HEAVY !== "1") this.skip();
  });

  it("lists 10,000 accounts in 200 OUs completely, within budget, through 20% throttling", async () => {
    const result = await runInventoryBenchmark();
    console.log(`      ${JSON.stringify(result)}`);
    assert.equal(result.accounts, 10_000);
    assert.ok(result.calls <= result.budget, `${result.calls} calls > budget ${result.budget}`);
    assert.ok(result.retries > 0.1 * result.calls, `only ${result.retries} retries: was anything throttled?`);
  });
});
