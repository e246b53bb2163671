/**
 * Runs storage writes one at a time, in order. The background is each store's only writer,
 * but several tabs may report at once, and a read-modify-write must not interleave with
 * another. A failed task does not stop the ones after it.
 */
export function createWriteQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function enqueue<R>(task: () => Promise<R>): Promise<R> {
    const next = tail.then(task);
    tail = next.catch(() => undefined);
    return next;
  };
}
