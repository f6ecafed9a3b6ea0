import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { extractCommands, type DocCommand } from "../support/docs-commands";

const ROOT = join(__dirname, "..", "..");
/** Longer than any documented command takes; a slower one needs a quick mode or a skip marker. */
const COMMAND_TIMEOUT_MS = 120_000;
/**
 * While the README still holds every section (issue #12 splits it into docs/), its commands include
 * minutes-long benchmarks and files only a real stack gives, without markers: they are listed as pending.
 * Once the README is short, its commands run like every other page's.
 */
const README_AWAITING_SPLIT = 400;

/** README.md and every docs/*.md, found anew on each run. */
function documents(): string[] {
  const docs = existsSync(join(ROOT, "docs"))
    ? readdirSync(join(ROOT, "docs"))
        .filter((name) => name.endsWith(".md"))
        .sort()
        .map((name) => join("docs", name))
    : [];
  return ["README.md", ...docs];
}

/**
 * The environment of a documented command: the reader's shell in CI, with nothing that reaches the network.
 * AWS calls go to a closed loopback port, npm stays offline, and the TS_NODE_* and npm_* variables of this
 * test run do not leak into the command's own `npm run`.
 */
function offlineEnvironment(): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([name]) => !/^(TS_NODE_|npm_|AWS_|PULUMI_)/i.test(name) && !/^(https?|no)_proxy$/i.test(name),
  );
  return {
    ...Object.fromEntries(kept),
    CI: "true",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL: "http://127.0.0.1:9",
    AWS_REGION: "us-east-1",
    HTTP_PROXY: "http://127.0.0.1:9",
    HTTPS_PROXY: "http://127.0.0.1:9",
    npm_config_offline: "true",
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
}

function untrackedFiles(): Set<string> {
  const listed = spawnSync("git", ["ls-files", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return new Set(listed.status === 0 ? listed.stdout.split("\n").filter(Boolean) : []);
}

function run(command: DocCommand): void {
  const result = spawnSync("bash", ["-c", command.command], {
    cwd: ROOT,
    env: offlineEnvironment(),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: COMMAND_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const where = `${command.file}:${command.line}: \`${command.command}\``;
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ETIMEDOUT") {
    assert.fail(
      `${where} ran longer than ${COMMAND_TIMEOUT_MS / 1000} s; show a quick mode, or mark it "# docs-test: skip <reason>"`,
    );
  }
  const tail = (text: string) => text.trimEnd().split("\n").slice(-8).join("\n");
  assert.equal(
    result.status,
    command.expectedExit,
    `${where} exited ${result.status ?? result.signal}, the docs expect ${command.expectedExit} ` +
      `(mark another code with "# docs-test: exit N")\n${tail(result.stderr)}\n${tail(result.stdout)}`,
  );
}

describe("every command shown in the docs", function () {
  this.timeout(COMMAND_TIMEOUT_MS + 10_000);
  let untrackedBefore: Set<string>;

  before(() => {
    untrackedBefore = untrackedFiles();
  });

  // Files the commands wrote and git would show as new (not ignored ones like plan.json) are removed, so a
  // run leaves the working tree as it found it.
  after(() => {
    for (const path of untrackedFiles())
      if (!untrackedBefore.has(path)) rmSync(join(ROOT, path), { force: true });
  });

  for (const file of documents()) {
    const markdown = readFileSync(join(ROOT, file), "utf8");
    const awaitingSplit = file === "README.md" && markdown.split("\n").length > README_AWAITING_SPLIT;
    describe(file, () => {
      for (const command of extractCommands(markdown, file)) {
        const title = `line ${command.line}: ${command.command}`;
        if (command.skip !== undefined) it(`${title} (not run: ${command.skip})`);
        else if (awaitingSplit) it(`${title} (not run: the README is being split into docs/)`);
        else it(title, () => run(command));
      }
    });
  }
});
