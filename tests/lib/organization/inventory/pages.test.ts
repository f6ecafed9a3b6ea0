import assert from "node:assert/strict";
import { InventoryError } from "../../../../lib/organization/inventory/errors";
import { CallMeter, readAllPages, readOne } from "../../../../lib/organization/inventory/pages";
import { rootsPage } from "../../../../lib/organization/inventory/responses";

function rootPage(id: string, nextToken?: string, attempts = 1) {
  return { Roots: [{ Id: id, Name: "Root" }], NextToken: nextToken, $metadata: { attempts } };
}

async function* pagesOf(...pages: unknown[]) {
  yield* pages;
}

describe("readAllPages", () => {
  it("hands over every page and counts calls and retries", async () => {
    const meter = new CallMeter();
    const ids: string[] = [];
    await readAllPages(
      pagesOf(rootPage("r-aaaa", "t1", 3), rootPage("r-bbbb")),
      rootsPage,
      "ListRoots",
      meter,
      (p) => ids.push(...p.Roots.map((r) => r.Id)),
    );
    assert.deepEqual(ids, ["r-aaaa", "r-bbbb"]);
    assert.deepEqual([meter.calls, meter.retries], [2, 2]);
  });

  it("stops on a NextToken the service already gave, instead of looping", async () => {
    const endless = async function* () {
      for (;;) yield rootPage("r-aaaa", "same");
    };
    await assert.rejects(
      readAllPages(endless(), rootsPage, "ListRoots", new CallMeter(), () => undefined),
      (e: InventoryError) => e.reason === "malformed-response" && /same NextToken twice/.test(e.message),
    );
  });

  it("counts the retries of a call that failed, and names the call", async () => {
    const meter = new CallMeter();
    const failing = async function* () {
      yield rootPage("r-aaaa", "t1");
      throw Object.assign(new Error("Rate exceeded"), {
        name: "TooManyRequestsException",
        $metadata: { attempts: 4 },
      });
    };
    await assert.rejects(
      readAllPages(failing(), rootsPage, "ListRoots", meter, () => undefined),
      /^InventoryError: ListRoots: still throttled/,
    );
    assert.deepEqual([meter.calls, meter.retries], [1, 3]);
  });
});

describe("readOne", () => {
  it("reports progress after the response is read", async () => {
    let reports = 0;
    const meter = new CallMeter(() => reports++);
    const page = await readOne(async () => rootPage("r-aaaa"), rootsPage, "ListRoots", meter);
    assert.equal(page.Roots[0].Id, "r-aaaa");
    assert.equal(reports, 1);
  });
});
