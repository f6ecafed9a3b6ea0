import assert from "node:assert/strict";
import { runQueue, type Task } from "../../../../lib/organization/inventory/work-queue";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("runQueue", () => {
  it("starts tasks in the order queued, so a tree walk is breadth-first", async () => {
    const tree: Record<string, string[]> = {
      root: ["a", "b"],
      a: ["a1", "a2"],
      b: ["b1"],
      a1: [],
      a2: [],
      b1: [],
    };
    const visited: string[] = [];
    const visit =
      (node: string): Task =>
      async (enqueue) => {
        visited.push(node);
        await tick();
        tree[node].forEach((child) => enqueue(visit(child)));
      };
    await runQueue([visit("root")], 1, () => undefined);
    assert.deepEqual(visited, ["root", "a", "b", "a1", "a2", "b1"]);
  });

  it("never runs more than `concurrency` tasks at once, and runs them all", async () => {
    let running = 0;
    let most = 0;
    let done = 0;
    const task: Task = async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
      done++;
    };
    await runQueue(
      Array.from({ length: 20 }, () => task),
      3,
      () => undefined,
    );
    assert.equal(most, 3);
    assert.equal(done, 20);
  });

  it("stops starting tasks after the first failure, calls onFirstFailure once and rejects with it", async () => {
    let started = 0;
    let failures = 0;
    const tasks: Task[] = Array.from({ length: 10 }, (_, i) => async () => {
      started++;
      await tick();
      if (i === 0 || i === 1) throw new Error(`task ${i} failed`);
    });
    await assert.rejects(
      runQueue(tasks, 3, () => failures++),
      /task 0 failed/,
    );
    assert.equal(failures, 1);
    assert.equal(started, 3);
  });

  it("resolves at once with nothing to do, and refuses a concurrency below 1", async () => {
    await runQueue([], 2, () => undefined);
    assert.throws(() => runQueue([], 0, () => undefined), /concurrency must be a whole number >= 1, got 0/);
  });
});
