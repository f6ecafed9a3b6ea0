import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../../../tools/cli/io";
import { prototypeIsClean, writeHostileFile, type HostileFile } from "./hostile-files";
import { runMeasured } from "./measured-command";
import { HEAVY } from "./sweep-size";

/** What one run of a command printed and returned. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What a command must do with one hostile file. */
export type Expectation =
  /** Refuses it: this exit code, and every line on stderr names the file. */
  | { readonly refused: number }
  /** Reads it as the valid input it is: one of these exit codes, and nothing on stderr. */
  | { readonly read: readonly number[] }
  /**
   * A bug this sweep found and that is not fixed here: the command still exits with `code` and no stack
   * trace (and, when `oneLine`, prints one line), but does not keep the whole contract. The broken part
   * is listed as a pending test.
   */
  | { readonly knownBug: string; readonly code: number; readonly oneLine: boolean };

/** More lines than this is not one line per problem but a flood. */
export const MAX_PROBLEM_LINES = 10;

export interface HostileInputSweep {
  readonly files: readonly HostileFile[];
  readonly expectations: Readonly<Record<string, Expectation>>;
  /** Runs the command in this process on `file`. */
  run(file: string): Promise<CommandResult>;
  /**
   * What the command's process prints and exits with when `main` throws: `runAsProcess` prints the
   * message alone. Leave it out for a command that would let the error escape with a stack trace.
   */
  escaped?(error: unknown): CommandResult;
  /** `npm run <script> -- <args>` for the same run as a separate process. */
  readonly script: string;
  args(file: string): string[];
  /**
   * Whether the heavy run repeats each file as a separate process; false when `run` injects limits a
   * process cannot be given, so the two would rightly differ.
   */
  readonly sameAsProcess?: boolean;
}

/** What `runAsProcess` (tools/cli/io.ts) prints and exits with when a command's `main` throws. */
export function asRunAsProcessPrints(error: unknown): CommandResult {
  return {
    code: error instanceof UsageError ? 2 : 1,
    stdout: "",
    stderr: `${error instanceof Error ? error.message : String(error)}\n`,
  };
}

export function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

export function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /^\s+at .+[:(]/m, `a stack trace: ${text.slice(0, 500)}`);
}

/** Every line on stderr names the file, there are few of them, and none is a stack trace. */
export function assertRefusedNamingFile(stderr: string, file: string): void {
  const printed = lines(stderr);
  assert.ok(printed.length > 0, "says why on stderr");
  assert.ok(printed.length <= MAX_PROBLEM_LINES, `${printed.length} lines on stderr`);
  for (const line of printed) assert.ok(line.startsWith(`${file}: `), `names no file: ${line.slice(0, 300)}`);
  assertNoStackTrace(stderr);
}

/**
 * One test per hostile file, in this process; `ORG_GOV_HEAVY=1` also runs each one as a real process
 * (about two seconds each) and checks that it agrees.
 */
export function sweepHostileInputs(sweep: HostileInputSweep): void {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "hostile-input-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("has an expectation for every hostile file, and no other", () => {
    assert.deepEqual(Object.keys(sweep.expectations).sort(), sweep.files.map((f) => f.name).sort());
  });

  for (const hostile of sweep.files) {
    const expectation = sweep.expectations[hostile.name];
    if (expectation === undefined) continue;
    if ("knownBug" in expectation) {
      it(`${hostile.name}: exits ${expectation.code} without a stack trace`, async () => {
        const file = writeHostileFile(dir, hostile);
        const results = [await runInProcess(sweep, file)];
        if (HEAVY && sweep.sameAsProcess !== false)
          results.push(await runMeasured(sweep.script, sweep.args(file)));
        for (const result of results) {
          const fixed = "; if the bug is fixed, expect { refused } instead";
          assert.equal(result.code, expectation.code, `${result.stderr.slice(0, 500)}${fixed}`);
          assertNoStackTrace(result.stderr);
          if (expectation.oneLine) assert.equal(lines(result.stderr).length, 1, result.stderr.slice(0, 500));
        }
        assert.ok(prototypeIsClean(), "Object.prototype is untouched");
      });
      it(`${hostile.name}: keeps the whole contract (known bug: ${expectation.knownBug})`);
      continue;
    }
    it(`${hostile.name}: ${"refused" in expectation ? `exits ${expectation.refused} naming the file` : "reads it"}`, async () => {
      const file = writeHostileFile(dir, hostile);
      // No time bound: a command that hangs fails on mocha's timeout; how long it takes is no verdict.
      const result = await runInProcess(sweep, file);
      assertOutcome(result, expectation, file);
      assert.ok(prototypeIsClean(), "Object.prototype is untouched");
      if (HEAVY && sweep.sameAsProcess !== false) {
        assertOutcome(await runMeasured(sweep.script, sweep.args(file)), expectation, file);
      }
    });
  }
}

/** The command's result, or what its process prints for an error that escapes `main`. */
async function runInProcess(sweep: HostileInputSweep, file: string): Promise<CommandResult> {
  try {
    return await sweep.run(file);
  } catch (error) {
    if (sweep.escaped === undefined) throw error;
    return sweep.escaped(error);
  }
}

function assertOutcome(result: CommandResult, expectation: Expectation, file: string): void {
  if ("refused" in expectation) {
    assert.equal(result.code, expectation.refused, result.stderr.slice(0, 500));
    assertRefusedNamingFile(result.stderr, file);
  } else if ("read" in expectation) {
    assert.ok(expectation.read.includes(result.code), `exit ${result.code}: ${result.stderr.slice(0, 500)}`);
    assert.equal(result.stderr, "");
  }
}
