import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { Option } from "commander";
import {
  defineCommand,
  describeCommand,
  jsonOption,
  outOption,
  parseCommand,
  runCommand,
} from "../../../tools/cli/command";
import { UsageError } from "../../../tools/cli/io";
import { PROJECT_DIR } from "../../support/plan";
import { capture, COMMANDS } from "./commands";

function sample() {
  return defineCommand({ name: "sample", summary: "A sample.", exitCodes: { 0: "fine", 2: "bad usage" } })
    .option("--level <n>", "how much", "3")
    .addOption(jsonOption())
    .addOption(outOption("where to write"));
}

describe("the shared command-line conventions", () => {
  it("prints help on stdout with every flag, its default and the exit codes, and exits 0", () => {
    const io = capture();
    assert.deepEqual(parseCommand(sample(), ["--help"], io), { exitCode: 0 });
    const help = io.out.join("\n");
    assert.match(help, /^Usage: npm run sample -- \[options\]/);
    assert.match(help, /--level <n> +how much \(default: "3"\)/);
    assert.match(help, /--json +print one JSON document on stdout/);
    assert.match(help, /Exit codes:\n {2}0 {2}fine\n {2}2 {2}bad usage$/);
    assert.deepEqual(io.err, []);
  });

  it("answers an unknown flag with one line, a suggestion and exit 2", () => {
    const io = capture();
    assert.deepEqual(parseCommand(sample(), ["--jsn"], io), { exitCode: 2 });
    assert.deepEqual(io.err, [
      "sample: unknown option '--jsn' (did you mean --json?); see npm run sample -- --help",
    ]);
  });

  it("refuses --out into a missing directory at parse time, naming the directory", () => {
    const io = capture();
    const missing = path.join(PROJECT_DIR, "no-such-directory");
    assert.deepEqual(parseCommand(sample(), ["--out", path.join(missing, "x.json")], io), { exitCode: 2 });
    assert.equal(io.err.length, 1);
    assert.match(io.err[0], new RegExp(`the directory ${missing} does not exist; create it first`));
  });

  it("resolves --out to an absolute path and passes the options to run", async () => {
    let seen: unknown;
    const code = await runCommand(sample(), ["--out", "x.json", "--json"], capture(), async (options) => {
      seen = options;
      return 0;
    });
    assert.equal(code, 0);
    assert.deepEqual(seen, { level: "3", out: path.resolve("x.json"), json: true });
  });

  it("turns a UsageError thrown by run into one line and exit 2", async () => {
    const io = capture();
    const code = await runCommand(sample(), [], io, async () => {
      throw new UsageError("--level and --json exclude each other");
    });
    assert.equal(code, 2);
    assert.deepEqual(io.err, ["sample: --level and --json exclude each other; see npm run sample -- --help"]);
  });

  it("describes a command for docs/commands.md", () => {
    const described = describeCommand(sample().addOption(new Option("--dry", "only look")));
    assert.equal(described.usage, "npm run sample -- [options]");
    assert.deepEqual(
      described.options.map((o) => [o.flags, o.default]),
      [
        ["--level <n>", '"3"'],
        ["--json", undefined],
        ["--out <file>", undefined],
        ["--dry", undefined],
        ["-h, --help", undefined],
      ],
    );
  });
});

describe("every command follows the conventions", () => {
  const scripts = JSON.parse(readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8")).scripts;

  for (const { script, entry, definition } of COMMANDS) {
    describe(`npm run ${script}`, () => {
      it("is an npm script running its thin entry in scripts/", () => {
        assert.match(scripts[script], new RegExp(`^ts-node (--transpile-only )?${entry}$`));
      });

      it("lists every flag with its meaning and ends its help with the exit codes", () => {
        const io = capture();
        assert.deepEqual(parseCommand(definition(), ["--help"], io), { exitCode: 0 });
        const help = io.out.join("\n");
        const described = describeCommand(definition());
        for (const option of described.options) {
          assert.ok(help.includes(option.flags), `${option.flags} missing from the help`);
          assert.ok(option.description.length > 10, `${option.flags} has no real description`);
        }
        assert.ok(
          described.options.some((o) => o.flags === "--json"),
          "every command has --json",
        );
        assert.ok(Object.keys(described.exitCodes).includes("2"));
        assert.match(help, /\nExit codes:\n( {2}\d {2}.+\n?| {5}.+\n?)+$/);
      });

      it("answers an unknown flag with did-you-mean in one line and exit 2", () => {
        const io = capture();
        assert.deepEqual(parseCommand(definition(), ["--jsn"], io), { exitCode: 2 });
        assert.equal(io.err.length, 1);
        assert.match(io.err[0], /unknown option '--jsn' \(did you mean --json\?\)/);
      });

      const out = describeCommand(definition()).options.find((o) => o.flags === "--out <file>");
      if (out !== undefined) {
        it("refuses --out into a missing directory before any work", () => {
          const io = capture();
          const file = path.join(PROJECT_DIR, "missing-directory", "out.json");
          assert.deepEqual(parseCommand(definition(), ["--out", file], io), { exitCode: 2 });
          assert.match(io.err[0], /does not exist; create it first/);
        });
      }
    });
  }

  it("answers --help as a process before loading the program, the AWS SDK or gRPC", function () {
    this.timeout(120_000);
    // What makes --help fast is what it does not load; a list of loaded modules says so without a clock.
    const heavy = /node_modules\/(@pulumi\/pulumi|@pulumi\/aws|@aws-sdk|@grpc)\//;
    for (const { entry } of COMMANDS) {
      const child = spawnSync(
        process.execPath,
        [
          "-r",
          "ts-node/register/transpile-only",
          "-r",
          path.join(PROJECT_DIR, "tests/support/report-loaded-modules.js"),
          path.join(PROJECT_DIR, entry),
          "--help",
        ],
        { cwd: PROJECT_DIR, encoding: "utf8" },
      );
      assert.equal(child.status, 0, `${entry}: ${child.stderr.slice(0, 500)}`);
      assert.match(child.stdout, /^Usage: npm run /);
      const loaded = child.stderr.split("\n").filter((file) => heavy.test(file));
      assert.deepEqual(loaded.slice(0, 3), [], `${entry} --help loaded heavy modules`);
    }
  });
});
