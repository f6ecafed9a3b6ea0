import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ts from "typescript";
import { collectLocalModules } from "../../../tools/policy-check/local-modules";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "policy-check-modules-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("collectLocalModules", () => {
  it("follows relative imports, re-exports and require calls, once each, but not packages", () => {
    const dir = tree({
      "index.ts":
        'import { POLICIES } from "./policies";\nimport { z } from "zod";\nexport * from "./lib/read";\n',
      "policies/index.ts": 'import { read } from "../lib/read";\nconst data = require("../data.json");\n',
      "lib/read.ts": 'import type { Shape } from "./shape";\nexport const read = 1;\n',
      "data.json": '{"limit": 3}',
    });
    const graph = collectLocalModules(ts, join(dir, "index.ts"));
    assert.equal(graph.unsupported, undefined);
    assert.deepEqual(
      graph.modules.map((module) => module.path),
      ["index.ts", "policies/index.ts", "lib/read.ts", "data.json"].map((name) => join(dir, name)),
    );
    assert.equal(graph.modules[3].text, '{"limit": 3}');
  });

  it("reports a module type the runner would load differently", () => {
    const dir = tree({
      "index.ts": 'import { View } from "./view.tsx";\n',
      "view.tsx": "export const View = 1;\n",
    });
    const graph = collectLocalModules(ts, join(dir, "index.ts"));
    assert.match(graph.unsupported ?? "", /view\.tsx is neither TypeScript, JavaScript nor JSON/);
  });
});
