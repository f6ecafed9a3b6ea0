import assert from "node:assert/strict";
import { extractCommands, splitComment } from "./docs-commands";

const fence = (info: string, ...lines: string[]) => ["```" + info, ...lines, "```"].join("\n");

describe("docs commands: what the docs test runs", () => {
  it("reads `npm run` lines of sh blocks only, with their file line, dropping a leading `npm ci &&`", () => {
    const markdown = [
      "# Title",
      "",
      fence("sh", "npm ci && npm run plan   # the offline plan", "pulumi preview", "cd x && npm run bench"),
      "",
      fence("console", "npm run pattern -- --help"),
      fence("", "npm run pattern -- --help"),
      fence("shell", "npm run pattern -- --help"),
    ].join("\n");
    assert.deepEqual(extractCommands(markdown, "docs/x.md"), [
      { file: "docs/x.md", line: 4, command: "npm run plan", expectedExit: 0 },
    ]);
  });

  it("finds blocks indented in list items, and joins continued lines", () => {
    const markdown = [
      "1. Build:",
      "",
      "   ```sh",
      "   npm run policy:check -- \\",
      "     --json",
      "   ```",
    ].join("\n");
    assert.deepEqual(extractCommands(markdown, "README.md"), [
      { file: "README.md", line: 4, command: "npm run policy:check -- --json", expectedExit: 0 },
    ]);
  });

  it("takes an exit code or a skip reason from a marker on the line or on the comment line above", () => {
    const markdown = fence(
      "sh",
      "npm run plan -- --stack broken   # docs-test: exit 1 (a configuration error)",
      "# docs-test: skip needs AWS credentials",
      "npm run inventory -- --out org.json",
      "npm run pattern -- --help",
    );
    assert.deepEqual(
      extractCommands(markdown, "a.md").map(({ command, expectedExit, skip }) => ({
        command,
        expectedExit,
        skip,
      })),
      [
        { command: "npm run plan -- --stack broken", expectedExit: 1, skip: undefined },
        { command: "npm run inventory -- --out org.json", expectedExit: 0, skip: "needs AWS credentials" },
        { command: "npm run pattern -- --help", expectedExit: 0, skip: undefined },
      ],
    );
  });

  it("refuses a skip without a reason and an unknown marker, naming the file and line", () => {
    assert.throws(
      () => extractCommands(fence("sh", "npm run bench # docs-test: skip"), "b.md"),
      /^Error: b\.md:2: .*needs a reason/,
    );
    assert.throws(
      () => extractCommands(fence("sh", "npm run bench # docs-test: slow"), "b.md"),
      /unknown marker/,
    );
  });

  it("splits a shell comment off, but not a # inside quotes or a word", () => {
    assert.deepEqual(splitComment(`npm run pattern -- -p '{ $.x = "#1" }' # note`), {
      code: `npm run pattern -- -p '{ $.x = "#1" }'`,
      comment: "note",
    });
    assert.deepEqual(splitComment("npm run x -- --tag a#b"), { code: "npm run x -- --tag a#b" });
    assert.deepEqual(splitComment("# only a comment"), { code: "", comment: "only a comment" });
  });
});
