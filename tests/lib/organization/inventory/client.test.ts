import assert from "node:assert/strict";
import {
  INVENTORY_DEFAULTS,
  ORGANIZATIONS_REGION,
  createOrganizationsClient,
  retryDelay,
} from "../../../../lib/organization/inventory/client";
import { useTestCredentialsInEnvironment } from "../../../support/organizations-endpoint";

describe("retryDelay", () => {
  it("doubles the ceiling per retry from the base, up to the maximum, jittered below it", () => {
    const top = () => 0.999999;
    assert.equal(retryDelay(1, 500, 20_000, top), 499);
    assert.equal(retryDelay(2, 500, 20_000, top), 999);
    assert.equal(retryDelay(4, 500, 20_000, top), 3999);
    assert.equal(retryDelay(10, 500, 20_000, top), 19_999);
    assert.equal(
      retryDelay(3, 500, 20_000, () => 0),
      0,
    );
    assert.equal(
      retryDelay(3, 500, 20_000, () => 0.5),
      1000,
    );
  });

  it("is patient by default: several attempts and seconds of back-off before giving up", () => {
    assert.ok(INVENTORY_DEFAULTS.maxAttempts >= 5);
    const worstCase = Array.from({ length: INVENTORY_DEFAULTS.maxAttempts - 1 }, (_, i) =>
      retryDelay(i + 1, INVENTORY_DEFAULTS.retryBaseDelayMs, INVENTORY_DEFAULTS.retryMaxDelayMs, () => 1),
    ).reduce((a, b) => a + b, 0);
    assert.ok(worstCase >= 30_000, `only ${worstCase} ms of back-off`);
  });
});

describe("createOrganizationsClient", () => {
  let restore: () => void;
  afterEach(() => restore?.());

  it("uses us-east-1 unless AWS_REGION says otherwise", async () => {
    restore = useTestCredentialsInEnvironment();
    assert.equal(await createOrganizationsClient().config.region(), ORGANIZATIONS_REGION);
    restore();
    restore = useTestCredentialsInEnvironment({ AWS_REGION: "cn-northwest-1" });
    assert.equal(await createOrganizationsClient().config.region(), "cn-northwest-1");
    assert.equal(
      await createOrganizationsClient({ region: "us-gov-west-1" }).config.region(),
      "us-gov-west-1",
    );
  });

  it("applies the attempts asked for", async () => {
    restore = useTestCredentialsInEnvironment();
    assert.equal(await createOrganizationsClient({ maxAttempts: 4 }).config.maxAttempts(), 4);
  });
});
