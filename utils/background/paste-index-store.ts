import { addCopyToIndex, addToIndex } from '../core/paste-index/build';
import {
  EMPTY_PASTE_INDEX,
  toStoredPasteIndex,
  type PasteIndexSnapshot,
  type PasteSource,
  type StoredPasteIndex,
} from '../core/paste-index/snapshot';
import { findPublisherRule } from '../core/publishers';
import type { CopyRecord } from '../core/records/records';
import { checkPasteIndex } from '../core/records/stored-shapes';
import { isQuotaError } from './storage-health';
import { createWriteQueue } from './write-queue';

export interface PasteIndexItem {
  getValue(): Promise<unknown>;
  setValue(value: StoredPasteIndex): Promise<void>;
}

/**
 * Where a copy's attribution points, from its record: records carry their site's rule since
 * rules came from any site; older ones take their built-in publisher's.
 */
function sourceOf(record: CopyRecord): Omit<PasteSource, 'lastCopiedAt' | 'readOnly'> {
  const rule = findPublisherRule(record.articleUrl);
  return {
    url: record.linkUrl ?? record.articleUrl,
    language: record.language,
    placement: record.placement ?? rule?.placement ?? 'end',
    hosts: rule?.hosts ?? [new URL(record.articleUrl).hostname],
  };
}

/**
 * Adds each copy's fingerprints, and each read article's, to the index that pages match
 * pastes against; one write at a time. A damaged index is rebuilt from the copy records
 * (`copies`); when storage is full, the index gives up its oldest articles until it fits.
 */
export function createPasteIndexStore(
  item: PasteIndexItem,
  copies: () => Promise<CopyRecord[]> = async () => [],
) {
  const enqueue = createWriteQueue();

  /** Every copy record, oldest first, as the index had them. */
  async function rebuilt(maxEntries?: number): Promise<PasteIndexSnapshot> {
    let snapshot = EMPTY_PASTE_INDEX;
    for (const record of (await copies()).slice().reverse()) {
      const { text, copiedAt } = record;
      snapshot = addCopyToIndex(snapshot, sourceOf(record), text, copiedAt, maxEntries);
    }
    return snapshot;
  }

  async function read(): Promise<PasteIndexSnapshot> {
    return checkPasteIndex(await item.getValue()) ?? (await rebuilt());
  }

  /** Writes `build()`, then with half the entries at a time while storage is full. */
  async function write(
    build: (maxEntries?: number) => PasteIndexSnapshot | Promise<PasteIndexSnapshot>,
  ): Promise<void> {
    let next = await build();
    for (let attempt = 0; ; attempt++) {
      try {
        await item.setValue(toStoredPasteIndex(next));
        return;
      } catch (error) {
        // Base64 of 8-byte [hash, source] pairs, in both lists.
        const entries = Math.floor(((next.shingles.length + next.exact.length) * 3) / 4 / 8);
        if (!isQuotaError(error) || attempt >= 6 || entries < 2) throw error;
        next = await build(Math.floor(entries / 2));
      }
    }
  }

  return {
    addCopy(record: CopyRecord): Promise<void> {
      const source = sourceOf(record);
      return enqueue(async () => {
        const snapshot = await read();
        await write((max) => addCopyToIndex(snapshot, source, record.text, record.copiedAt, max));
      });
    },
    /** Whether what is stored cannot be read as an index (nothing stored is fine). */
    async isDamaged(): Promise<boolean> {
      const stored = await item.getValue();
      return stored != null && checkPasteIndex(stored) === null;
    },
    /** Replaces the index with one built from the copy records. */
    rebuild(): Promise<void> {
      return enqueue(() => write(rebuilt));
    },
    /** An article read: text of it that reaches the clipboard some other way is still known. */
    addRead(
      article: Omit<PasteSource, 'lastCopiedAt' | 'readOnly'>,
      bodyText: string,
      readAt: number,
    ): Promise<void> {
      return enqueue(async () => {
        const snapshot = await read();
        // Every page that loaded the index decodes it again on a write: an article read
        // before is not worth that, nor a read that adds nothing (no fingerprints, or
        // evicted at once from an index full of copies).
        const isRead = (source: PasteSource) => source.url === article.url && source.readOnly;
        if (snapshot.sources.some(isRead)) return;
        const next = addToIndex(snapshot, article, bodyText, readAt, 'read');
        if (next.sources.some(isRead)) await item.setValue(toStoredPasteIndex(next));
      });
    },
    /** Empties the index after any addition already under way. */
    clear(): Promise<void> {
      return enqueue(() => item.setValue(toStoredPasteIndex(EMPTY_PASTE_INDEX)));
    },
  };
}

export type PasteIndexStore = ReturnType<typeof createPasteIndexStore>;
