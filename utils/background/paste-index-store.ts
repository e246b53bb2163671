import { addCopyToIndex, type PasteIndexSnapshot } from '../paste/paste-index';
import { findPublisherRule } from '../publishers';
import type { CopyRecord } from '../storage';

export interface PasteIndexItem {
  getValue(): Promise<PasteIndexSnapshot>;
  setValue(value: PasteIndexSnapshot): Promise<void>;
}

/** Adds each copy's fingerprints to the index that pages match pastes against; one write at a time. */
export function createPasteIndexStore(item: PasteIndexItem) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    addCopy(record: CopyRecord): Promise<void> {
      const rule = findPublisherRule(record.articleUrl);
      const next = queue.then(async () => {
        const snapshot = await item.getValue();
        const source = {
          url: record.articleUrl,
          language: record.language,
          placement: rule?.placement ?? 'end',
          hosts: rule?.hosts ?? [new URL(record.articleUrl).hostname],
        };
        await item.setValue(addCopyToIndex(snapshot, source, record.text, record.copiedAt));
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

export type PasteIndexStore = ReturnType<typeof createPasteIndexStore>;
