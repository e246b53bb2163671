/**
 * Building the paste index, in the background: a copy's or a read article's fingerprints
 * join it, and it is kept within its bounds by dropping the least recent articles.
 */
import { hashShingles, hashWords, winnow } from '../fingerprint/fingerprint';
import { mergePairs, renumberOwners, sortPairs } from '../fingerprint/sorted-pairs';
import {
  COPY_FINGERPRINTS,
  decodePairs,
  encodePairs,
  wholeTextHash,
  type PasteIndexSnapshot,
  type PasteSource,
} from './snapshot';

/** Articles only read that the index keeps at most (the most recently read). */
export const MAX_READ_SOURCES = 2_000;

/** A read article's body is indexed up to this many characters (as the article index does). */
export const MAX_READ_TEXT = 200_000;

/** Bounds the index to about 1 MB in memory (6 bytes an entry). */
export const MAX_INDEX_ENTRIES = 160_000;

/** addToIndex for a copy: the article becomes the most recent, its fingerprints join. */
export function addCopyToIndex(
  snapshot: PasteIndexSnapshot,
  source: Omit<PasteSource, 'lastCopiedAt' | 'readOnly'>,
  text: string,
  copiedAt: number,
  maxEntries = MAX_INDEX_ENTRIES,
): PasteIndexSnapshot {
  return addToIndex(snapshot, source, text, copiedAt, 'copy', maxEntries);
}

/**
 * Adds a copy's text, or the body of an article the user has read: the article becomes the
 * most recent, its fingerprints join. A read adds no whole-text hash (a paste is never a
 * whole body), and the article counts as only read until copied from.
 */
export function addToIndex(
  snapshot: PasteIndexSnapshot,
  source: Omit<PasteSource, 'lastCopiedAt' | 'readOnly'>,
  text: string,
  at: number,
  how: 'copy' | 'read',
  maxEntries = MAX_INDEX_ENTRIES,
): PasteIndexSnapshot {
  if (how === 'read') text = text.slice(0, MAX_READ_TEXT);
  const words = hashWords(text);
  const shingles = hashShingles(words, COPY_FINGERPRINTS.k);
  const picked = winnow(shingles, COPY_FINGERPRINTS.w);
  // A read that gives no fingerprint (a video page, a body not rendered yet) adds nothing.
  if (how === 'read' && picked.length === 0) return snapshot;

  // An article's copies and its read body are two sources: what the user copied matches
  // by the copy rules, the rest of the body only by the stricter rules for reads.
  const readOnly = how === 'read';
  const sources = snapshot.sources.slice();
  let index = sources.findIndex(
    (known) => known.url === source.url && !!known.readOnly === readOnly,
  );
  const updated: PasteSource = {
    ...source,
    lastCopiedAt: Math.max(at, index < 0 ? 0 : sources[index]!.lastCopiedAt),
    ...(readOnly ? { readOnly: true as const } : {}),
  };
  if (index < 0) index = sources.push(updated) - 1;
  else sources[index] = updated;

  const added = new Uint32Array(picked.length * 2);
  for (let i = 0; i < picked.length; i++) {
    added[2 * i] = shingles[picked[i]!]!;
    added[2 * i + 1] = index;
  }
  const shinglePairs = mergePairs(decodePairs(snapshot.shingles), sortPairs(added));
  const exact = decodePairs(snapshot.exact);
  const exactPairs =
    how === 'copy' ? mergePairs(exact, Uint32Array.of(wholeTextHash(words), index)) : exact;
  return evictLeastRecent(
    { version: 1, sources, shingles: '', exact: '' },
    shinglePairs,
    exactPairs,
    maxEntries,
  );
}

/**
 * Encodes the index, first dropping articles until it fits its bound: articles only read
 * before copied ones, the least recent first.
 */
export function evictLeastRecent(
  snapshot: PasteIndexSnapshot,
  shingles: Uint32Array,
  exact: Uint32Array,
  maxEntries: number,
): PasteIndexSnapshot {
  // Owners are 16-bit in pages: the number of articles is bounded too, and that of
  // articles only read more tightly (each costs its card in storage, fingerprints or not).
  const readOnlyCount = snapshot.sources.filter((source) => source.readOnly).length;
  if (
    (shingles.length + exact.length) / 2 <= maxEntries &&
    snapshot.sources.length <= 0xffff &&
    readOnlyCount <= MAX_READ_SOURCES
  ) {
    return { ...snapshot, shingles: encodePairs(shingles), exact: encodePairs(exact) };
  }

  const perSource = new Uint32Array(snapshot.sources.length);
  for (let i = 1; i < shingles.length; i += 2) perSource[shingles[i]!]!++;
  for (let i = 1; i < exact.length; i += 2) perSource[exact[i]!]!++;
  const byRecency = snapshot.sources
    .map((_, i) => i)
    .sort(
      (a, b) =>
        Number(!!snapshot.sources[a]!.readOnly) - Number(!!snapshot.sources[b]!.readOnly) ||
        snapshot.sources[b]!.lastCopiedAt - snapshot.sources[a]!.lastCopiedAt,
    );
  const keep = new Int32Array(snapshot.sources.length).fill(-1);
  const sources: PasteSource[] = [];
  let total = 0;
  let readOnlyKept = 0;
  for (const i of byRecency) {
    if (total + perSource[i]! > maxEntries || sources.length === 0xffff) continue;
    if (snapshot.sources[i]!.readOnly && readOnlyKept++ >= MAX_READ_SOURCES) continue;
    total += perSource[i]!;
    keep[i] = sources.push(snapshot.sources[i]!) - 1;
  }
  return {
    version: 1,
    sources,
    shingles: encodePairs(renumberOwners(shingles, keep)),
    exact: encodePairs(renumberOwners(exact, keep)),
  };
}
