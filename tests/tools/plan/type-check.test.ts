import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../../tools/plan/command";
import { typeCheckProgram } from "../../../tools/plan/type-check";
import { capture } from "../cli/commands";

/** A project as small as the check needs: the strict tsconfig and an index.ts importing lib/. */
function project(libSource: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "type-check-"));
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "commonjs", types: [] } }),
  );
  mkdirSync(path.join(dir, "lib"));
  writeFileSync(
    path.join(dir, "index.ts"),
    'import { retentionDays } from "./lib/retention";\nexport = retentionDays;\n',
  );
  writeFileSync(path.join(dir, "lib", "retention.ts"), libSource);
  return dir;
}

describe("the plan's cached type-check", function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("answers from the cache while nothing changed, and checks again after a change", () => {
    const dir = project("export const retentionDays: number = 365;\n");
    dirs.push(dir);
    const cache = path.join(dir, ".cache");
    assert.deepEqual(typeCheckProgram(dir, cache), { errors: [], upToDate: false });
    assert.deepEqual(typeCheckProgram(dir, cache), { errors: [], upToDate: true });
    const edited = path.join(dir, "lib", "retention.ts");
    writeFileSync(edited, "export const retentionDays: number = undefined;\n");
    // An edit by a person comes seconds later; on a busy machine a test's could share the cache's timestamp.
    const later = new Date(Date.now() + 5_000);
    utimesSync(edited, later, later);
    const changed = typeCheckProgram(dir, cache);
    assert.equal(changed.upToDate, false);
    assert.match(changed.errors.join("\n"), /error TS2322/);
    // A failed check is never cached as a pass.
    assert.equal(typeCheckProgram(dir, cache).errors.length, 1);
  });

  it("stops the plan with exit 1 and the compiler's lines for an imported module, before running it", async () => {
    const dir = project('export const retentionDays: number = "365";\n');
    dirs.push(dir);
    process.env.ORG_GOV_TYPE_CHECK_CACHE = path.join(dir, ".cache");
    try {
      const io = capture();
      assert.equal(await main(["--no-policy"], io, dir), 1);
      assert.match(io.err[0], /lib\/retention\.ts\(1,14\): error TS2322: Type 'string' is not assignable/);
      assert.match(
        io.err.at(-1) ?? "",
        /^the program does not type-check \(1 errors\): `pulumi up` would stop here too$/,
      );
    } finally {
      delete process.env.ORG_GOV_TYPE_CHECK_CACHE;
    }
  });
});
