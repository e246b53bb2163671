import type { StorageHealthLog } from './storage-health';

/** One stored item as the repair sees it: what is really stored, how to read it, how to write. */
export interface RepairableItem<T> {
  getRaw(): Promise<unknown>;
  check(value: unknown): { value: T; dropped: number };
  setValue(value: T): Promise<void>;
}

/**
 * Once per browser session, before the background handles anything: every stored item is
 * read as it really is, and what cannot be read is dropped (the rest kept) and written
 * back, so that no reader meets it again. The paste index, which cannot be half kept, is
 * rebuilt from the copy records when damaged. The user is told through the health log.
 * Then the history logs apply the user's retention: entries that aged past it while the
 * browser was closed go (later, each write applies it), and what is kept beside the logs for
 * quick reads (the popup's recent copies) is written again from them where it is not theirs
 * (a version before it, a write cut short). Once per session rather than at
 * each start of the background, which in MV3 is every few minutes: the copy log alone may
 * be megabytes to read.
 */
export async function repairStoredState(
  items: RepairableItem<unknown>[],
  pasteIndex: { isDamaged(): Promise<boolean>; rebuild(): Promise<void> },
  health: StorageHealthLog,
  historyLogs: Array<{ prune(): Promise<unknown> }> = [],
  digests: Array<{ refresh(): Promise<unknown> }> = [],
): Promise<void> {
  if ((await health.get()).checked) return;
  let dropped = 0;
  for (const item of items) {
    const raw = await item.getRaw();
    const checked = item.check(raw);
    if (checked.dropped === 0) continue;
    dropped += checked.dropped;
    await item.setValue(checked.value);
  }
  if (dropped) await health.noteDropped(dropped);
  if (await pasteIndex.isDamaged()) {
    await pasteIndex.rebuild();
    await health.notePasteIndexRebuilt();
  }
  // Each log on its own: one failing to write keeps the others' retention.
  for (const outcome of await Promise.allSettled(historyLogs.map((log) => log.prune()))) {
    if (outcome.status === 'rejected')
      console.warn('[Linkback] retention not applied', outcome.reason);
  }
  // After the retention, which may have rewritten the logs (and their digests with them).
  for (const outcome of await Promise.allSettled(digests.map((digest) => digest.refresh()))) {
    if (outcome.status === 'rejected')
      console.warn('[Linkback] digest not refreshed', outcome.reason);
  }
  await health.markChecked();
}
