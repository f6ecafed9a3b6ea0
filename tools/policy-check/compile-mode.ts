/**
 * How the pack's TypeScript is compiled.
 *
 * `run-policy-pack` always registers ts-node with `typeCheck: true` (PULUMI_NODEJS_TRANSPILE_ONLY and a
 * tsconfig `noCheck` are honoured only by the program runner, `cmd/run`), and whether a pack is TypeScript or
 * JavaScript depends only on the file `require(<pack dir>)` resolves to; ts-node leaves JavaScript alone.
 * Type-checking builds a program over every declaration file the pack reaches (@types/node, @pulumi/pulumi,
 * zod: about 460 files for policy-pack/), which costs seconds; running the policies costs well under one.
 *
 * - "fast": the pack is precompiled to JavaScript by the runner's own ts-node in transpile-only mode and
 *   cached (precompile.ts); when that cannot be done faithfully it runs from source with the options below,
 *   which skip type-checking but still build ts-node's program.
 * - "type-check": exactly what the CLI does.
 *
 * Either way the emitted JavaScript is the same (tests/tools/policy-check/compile-mode.test.ts); the pack is
 * type-checked by `npm run typecheck`, whose tsconfig includes policy-pack/.
 */
export type CompileMode = "fast" | "type-check";

/**
 * Added through TS_NODE_COMPILER_OPTIONS, which ranks below the options the runner passes, so the pack's own
 * tsconfig still wins. `noResolve` would save more but leaves a pack's second file out of ts-node's program.
 */
export const EMIT_ONLY_COMPILER_OPTIONS = Object.freeze({
  noCheck: true,
  noLib: true,
  types: [] as string[],
});

/**
 * Environment for the pack process: the parent's, plus the emit-only options when not type-checking.
 * TS_NODE_* variables are dropped: they configure the ts-node running this tool (npm scripts, mocha), and
 * would otherwise make the pack's ts-node read another tsconfig or skip the pack's own options.
 */
export function packEnvironment(
  typeCheck: boolean,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(base).filter(([name]) => !name.startsWith("TS_NODE_")));
  if (typeCheck) return env;
  return { ...env, TS_NODE_COMPILER_OPTIONS: JSON.stringify(EMIT_ONLY_COMPILER_OPTIONS) };
}
