import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { commandsDoc } from "../../../tools/cli/commands-doc";
import { PROJECT_DIR } from "../../support/plan";
import { COMMANDS } from "./commands";

describe("docs/commands.md", () => {
  const committed = readFileSync(path.join(PROJECT_DIR, "docs/commands.md"), "utf8");

  it("is what the commands' definitions generate (run `npm run docs:generate` after changing a flag)", () => {
    assert.equal(committed, commandsDoc());
  });

  it("has a row and a section for every command", () => {
    for (const { script } of COMMANDS) {
      assert.ok(committed.includes(`| \`npm run ${script}\` |`), script);
      assert.ok(committed.includes(`## \`npm run ${script}\``), script);
    }
  });
});
