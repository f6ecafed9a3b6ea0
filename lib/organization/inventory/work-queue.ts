/** A unit of work; it may queue more work, which runs after everything queued before it. */
export type Task = (enqueue: (task: Task) => void) => Promise<void>;

/**
 * Runs `initial` and everything the tasks queue, at most `concurrency` at a time, first queued first
 * started: a task that lists a parent's children and queues them gives a breadth-first walk.
 * On the first failure no new task starts, `onFirstFailure` runs (to abort the running ones), and the
 * promise rejects with that failure once the running tasks have settled.
 */
export function runQueue(
  initial: readonly Task[],
  concurrency: number,
  onFirstFailure: () => void,
): Promise<void> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number >= 1, got ${concurrency}`);
  }
  const queue: Task[] = [...initial];
  let next = 0;
  let running = 0;
  let failure: { error: unknown } | undefined;
  const enqueue = (task: Task) => {
    queue.push(task);
  };

  return new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (failure) {
        if (running === 0) reject(failure.error);
        return;
      }
      if (next === queue.length && running === 0) {
        resolve();
        return;
      }
      while (running < concurrency && next < queue.length) {
        const task = queue[next++];
        running++;
        task(enqueue)
          .catch((error: unknown) => {
            if (failure) return;
            failure = { error };
            onFirstFailure();
          })
          .finally(() => {
            running--;
            pump();
          });
      }
    };
    pump();
  });
}
