import {
  addCopyToIndex,
  addToIndex,
  EMPTY_PASTE_INDEX,
  type PasteIndexSnapshot,
  type PasteSource,
} from '../paste/paste-index';
import { findPublisherRule } from '../publishers';
import type { CopyRecord } from '../storage';
import { createWriteQueue } from './write-queue';

export interface PasteIndexItem {
  getValue(): Promise<PasteIndexSnapshot>;
  setValue(value: PasteIndexSnapshot): Promise<void>;
}

/**
 * Adds each copy's fingerprints, and each read article's, to the index that pages match
 * pastes against; one write at a time.
 */
export function createPasteIndexStore(item: PasteIndexItem) {
  const enqueue = createWriteQueue();
  return {
    addCopy(record: CopyRecord): Promise<void> {
      const rule = findPublisherRule(record.articleUrl);
      return enqueue(async () => {
        const snapshot = await item.getValue();
        const source = {
          url: record.articleUrl,
          language: record.language,
          placement: rule?.placement ?? 'end',
          hosts: rule?.hosts ?? [new URL(record.articleUrl).hostname],
        };
        await item.setValue(addCopyToIndex(snapshot, source, record.text, record.copiedAt));
      });
    },
    /** An article read: text of it that reaches the clipboard some other way is still known. */
    addRead(
      article: Omit<PasteSource, 'lastCopiedAt' | 'readOnly'>,
      bodyText: string,
      readAt: number,
    ): Promise<void> {
      return enqueue(async () => {
        const snapshot = await item.getValue();
        // Every page that loaded the index decodes it again on a write: an article read
        // before is not worth that, nor a read that adds nothing (no fingerprints, or
        // evicted at once from an index full of copies).
        const isRead = (source: PasteSource) => source.url === article.url && source.readOnly;
        if (snapshot.sources.some(isRead)) return;
        const next = addToIndex(snapshot, article, bodyText, readAt, 'read');
        if (next.sources.some(isRead)) await item.setValue(next);
      });
    },
    /** Empties the index after any addition already under way. */
    clear(): Promise<void> {
      return enqueue(() => item.setValue(EMPTY_PASTE_INDEX));
    },
  };
}

export type PasteIndexStore = ReturnType<typeof createPasteIndexStore>;
