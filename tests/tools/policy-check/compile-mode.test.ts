import assert from "node:assert/strict";
import { resolve } from "node:path";
import { EMIT_ONLY_COMPILER_OPTIONS, packEnvironment } from "../../../tools/policy-check/compile-mode";
import { collectLocalModules } from "../../../tools/policy-check/local-modules";
import { resolvePackEntry } from "../../../tools/policy-check/module-resolution";
import { loadPackProject } from "../../../tools/policy-check/pack-project";
import { loadRunnerToolchain } from "../../../tools/policy-check/runner-toolchain";

const ROOT = resolve(__dirname, "../../..");

type Emit = "type-check" | "transpile-only" | "emit-only";

/**
 * The JavaScript ts-node emits for every local module of a pack, configured as run-policy-pack configures it:
 * "type-check" is what the CLI runs, "transpile-only" what precompile.ts caches, "emit-only" what runs from
 * source when a pack cannot be precompiled.
 */
async function emitPack(packDir: string, emit: Emit): Promise<Map<string, string>> {
  const project = await loadPackProject(packDir);
  const toolchain = loadRunnerToolchain(project.runner, packDir);
  const service = toolchain.tsNode.create({
    cwd: packDir,
    typeCheck: emit === "type-check",
    transpileOnly: emit === "transpile-only",
    files: false,
    compiler: toolchain.typescriptPath,
    skipProject: toolchain.skipProject,
    ...(toolchain.skipProject ? {} : { project: toolchain.tsconfigPath }),
    // TS_NODE_COMPILER_OPTIONS ranks just below the options the runner passes.
    compilerOptions: {
      ...(emit === "emit-only" ? EMIT_ONLY_COMPILER_OPTIONS : {}),
      ...toolchain.compilerOptions,
    },
  });
  const graph = collectLocalModules(toolchain.ts, resolvePackEntry(packDir)!);
  const emitted = new Map<string, string>();
  for (const module of graph.modules.filter((candidate) => candidate.path.endsWith(".ts"))) {
    emitted.set(
      module.path,
      service.compile(module.text, module.path).replace(/\/\/# sourceMappingURL=.*$/m, ""),
    );
  }
  return emitted;
}

function assertSameJavaScript(actual: Map<string, string>, expected: Map<string, string>): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()]);
  for (const [path, javascript] of expected)
    assert.equal(actual.get(path), javascript, `${path} compiles differently`);
}

describe("compile modes", function () {
  this.timeout(120_000);

  const packs = ["tests/fixtures/policy-packs/minimal", "policy-pack"];
  for (const pack of packs) {
    describe(pack, () => {
      const dir = resolve(ROOT, pack);
      let typeChecked: Map<string, string>;

      before(async () => {
        typeChecked = await emitPack(dir, "type-check");
      });

      it("compiles to the same JavaScript when precompiled, module by module", async () => {
        assert.ok(typeChecked.size > 0);
        assertSameJavaScript(await emitPack(dir, "transpile-only"), typeChecked);
      });

      it("compiles to the same JavaScript from source without type-checking", async () => {
        assertSameJavaScript(await emitPack(dir, "emit-only"), typeChecked);
      });
    });
  }
});

describe("packEnvironment", () => {
  const base = { PATH: "/usr/bin", TS_NODE_PROJECT: "/repo/tsconfig.json", TS_NODE_TRANSPILE_ONLY: "true" };

  it("drops this process's TS_NODE_* settings and adds the emit-only options", () => {
    const env = packEnvironment(false, base);
    assert.deepEqual(Object.keys(env).sort(), ["PATH", "TS_NODE_COMPILER_OPTIONS"]);
    assert.deepEqual(JSON.parse(env.TS_NODE_COMPILER_OPTIONS!), { noCheck: true, noLib: true, types: [] });
  });

  it("leaves ts-node to type-check when asked to, as the CLI does", () => {
    assert.deepEqual(packEnvironment(true, base), { PATH: "/usr/bin" });
  });
});
