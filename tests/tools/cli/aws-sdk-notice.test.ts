import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { AWS_SDK_NODE_NOTICE, quietAwsSdkNodeNotice } from "../../../tools/cli/aws-sdk-notice";
import { PROJECT_DIR } from "../../support/plan";

describe("quietAwsSdkNodeNotice", () => {
  it("turns the AWS SDK's Node.js notice off unless the user chose otherwise", () => {
    const env: NodeJS.ProcessEnv = {};
    quietAwsSdkNodeNotice(env);
    assert.equal(env[AWS_SDK_NODE_NOTICE], "true");
    const chosen: NodeJS.ProcessEnv = { [AWS_SDK_NODE_NOTICE]: "false" };
    quietAwsSdkNodeNotice(chosen);
    assert.equal(chosen[AWS_SDK_NODE_NOTICE], "false");
  });

  it("keeps a command's stderr free of it on Node.js 20: a client constructed under runAsProcess", () => {
    // The SDK emits the notice from a client's constructor on Node.js < 22 (@aws-sdk/core,
    // emitWarningIfUnsupportedVersion); the child constructs one the way the inventory does.
    const script = [
      `require(${JSON.stringify(path.join(PROJECT_DIR, "tools/cli/io.ts"))}).runAsProcess(async () => {`,
      `  new (require("@aws-sdk/client-organizations").OrganizationsClient)({ region: "us-east-1" });`,
      "  return 0;",
      "});",
    ].join("\n");
    const env = { ...process.env };
    delete env[AWS_SDK_NODE_NOTICE];
    const run = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
      cwd: PROJECT_DIR,
      env,
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /NodeVersionSupportWarning/);
  });
});
