import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { enumerateOrganization } from "../../../lib/organization/inventory";
import { ORGANIZATION_READ_ACTIONS, previewRolePolicy } from "../../../lib/policies/preview-role-policy";
import {
  generateOrganization,
  startOrganizationsEndpoint,
  testClient,
} from "../../support/organizations-endpoint";
import { PROJECT_DIR } from "../../support/plan";

const EXAMPLE = {
  partition: "aws",
  logArchiveAccountId: "222233334444",
  logArchiveRoleName: "OrganizationAccountAccessRole",
};

describe("previewRolePolicy", () => {
  it("allows exactly the Organizations operations the real AWS SDK sends for the program's inventory", async () => {
    // The Service Authorization Reference names each action after its API operation
    // ("Actions, resources, and condition keys for AWS Organizations").
    const endpoint = await startOrganizationsEndpoint({
      organization: generateOrganization({ accounts: 30, ous: 3, depth: 2, seed: 5 }),
    });
    const client = testClient(endpoint.url);
    try {
      await enumerateOrganization({ client });
    } finally {
      client.destroy();
      await endpoint.close();
    }
    const sent = Object.keys(endpoint.counters.requests).map((operation) => `organizations:${operation}`);
    assert.deepEqual([...ORGANIZATION_READ_ACTIONS].sort(), sent.sort());
  });

  it("reads the organization and may assume only the log-archive role; it writes nothing", () => {
    const policy = previewRolePolicy(EXAMPLE);
    assert.deepEqual(
      policy.Statement[1].Resource,
      "arn:aws:iam::222233334444:role/OrganizationAccountAccessRole",
    );
    const actions = policy.Statement.flatMap((s) => [s.Action].flat());
    for (const action of actions) assert.match(action, /^(organizations:(Describe|List)|sts:AssumeRole$)/);
  });

  it("is printed exactly in docs/pull-request-workflow.md", () => {
    const doc = readFileSync(path.join(PROJECT_DIR, "docs/pull-request-workflow.md"), "utf8");
    const printed = JSON.stringify(previewRolePolicy(EXAMPLE), null, 2);
    assert.ok(doc.includes(printed), "paste JSON.stringify(previewRolePolicy(...), null, 2) into the doc");
  });
});
