import type { LinkPlacement } from '../publishers/types';
import {
  guaranteedMatchWords,
  hashShingles,
  hashWords,
  winnow,
  type FingerprintOptions,
  type Words,
} from '../fingerprint/fingerprint';

/**
 * An article that pasted text can come from, with only what the attribution needs (the
 * link, its label's language, its placement): every page may hold thousands of these, so
 * titles and the like stay in the background.
 */
export interface PasteSource {
  url: string;
  language: string | null;
  placement: LinkPlacement;
  /** The publisher's hosts: a pasted link to any of them already satisfies the rule. */
  hosts: string[];
  /** Epoch ms of the latest copy from (or read of) this article: the least recent go first when full. */
  lastCopiedAt: number;
  /**
   * The article's body as read, not text the user copied from it (text of it can reach the
   * clipboard some other way: a mirror, a feed reader, a tab opened before Linkback was):
   * a paste must share more with it, and such sources leave a full index before copies. An
   * article read and copied from has one source of each kind.
   */
  readOnly?: true;
}

/**
 * Copies are fingerprinted more sparsely than pages (w = 12: any shared run of 16 words is
 * found), which keeps the index that every page may load small. A paste is compared with
 * all of its shingles, so only the copy side is sparse.
 */
export const COPY_FINGERPRINTS: FingerprintOptions = { k: 5, w: 12 };

/** Articles only read that the index keeps at most (the most recently read). */
export const MAX_READ_SOURCES = 2_000;

/** The share of a paste's shingles an article only read must hold (see match). */
const READ_ONLY_SHARE = 1 / 30;

/** A read article's body is indexed up to this many characters (as the article index does). */
export const MAX_READ_TEXT = 200_000;

/** Bounds the index to about 1 MB in memory (6 bytes an entry). */
export const MAX_INDEX_ENTRIES = 160_000;

/** What storage holds: JSON-friendly, the typed arrays as base64. */
export interface PasteIndexSnapshot {
  version: 1;
  sources: PasteSource[];
  /** Little-endian uint32 pairs [hash, source], sorted by hash: shingle fingerprints of copies. */
  shingles: string;
  /** The same for the hash of each copy's whole folded text: exact copies of any length. */
  exact: string;
}

export const EMPTY_PASTE_INDEX: PasteIndexSnapshot = {
  version: 1,
  sources: [],
  shingles: '',
  exact: '',
};

/** One hash of a whole text's words, alike whatever the spacing, case, quotes or dashes. */
export function wholeTextHash(words: Words): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.count; i++) hash = Math.imul(hash ^ words.hashes[i]!, 0x01000193);
  return hash >>> 0;
}

// ---------------------------------------------------------------- encoding

export function encodePairs(pairs: Uint32Array): string {
  const bytes = new Uint8Array(pairs.buffer, pairs.byteOffset, pairs.byteLength);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + chunk)));
  }
  return btoa(binary);
}

export function decodePairs(encoded: string): Uint32Array {
  if (!encoded) return new Uint32Array(0);
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length - (binary.length % 8));
  for (let i = 0; i < bytes.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Uint32Array(bytes.buffer);
}

function comparePairs(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  return a[i]! - b[j]! || a[i + 1]! - b[j + 1]!;
}

/** Sorts a few new pairs by hash, then source. */
function sortPairs(pairs: Uint32Array): Uint32Array {
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => 2 * i);
  order.sort((i, j) => comparePairs(pairs, i, pairs, j));
  const sorted = new Uint32Array(pairs.length);
  order.forEach((from, k) => sorted.set(pairs.subarray(from, from + 2), 2 * k));
  return sorted;
}

/**
 * Merges sorted pairs into the sorted index in one pass (a copy adds a few dozen pairs to
 * a hundred thousand: no full re-sort). The same fingerprint from the same article is kept once.
 */
function mergePairs(old: Uint32Array, added: Uint32Array): Uint32Array {
  const out = new Uint32Array(old.length + added.length);
  let i = 0;
  let j = 0;
  let n = 0;
  const push = (from: Uint32Array, at: number) => {
    if (n && out[n - 2] === from[at] && out[n - 1] === from[at + 1]) return;
    out[n++] = from[at]!;
    out[n++] = from[at + 1]!;
  };
  while (i < old.length || j < added.length) {
    if (j >= added.length || (i < old.length && comparePairs(old, i, added, j) <= 0)) {
      push(old, i);
      i += 2;
    } else {
      push(added, j);
      j += 2;
    }
  }
  return out.slice(0, n);
}

// ---------------------------------------------------------------- building (background)

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
  const remap = (pairs: Uint32Array) => {
    const out = new Uint32Array(pairs.length);
    let n = 0;
    for (let i = 0; i < pairs.length; i += 2) {
      const to = keep[pairs[i + 1]!]!;
      if (to < 0) continue;
      out[n++] = pairs[i]!;
      out[n++] = to;
    }
    return encodePairs(out.slice(0, n));
  };
  return { version: 1, sources, shingles: remap(shingles), exact: remap(exact) };
}

// ---------------------------------------------------------------- matching (every page)

export interface PasteMatch {
  source: PasteSource;
  /** Shingles of the paste found among the article's copies. */
  sharedShingles: number;
  exact: boolean;
}

/**
 * The in-page index: sorted hashes and their sources in typed arrays (6 bytes an entry),
 * searched by bisection, so a paste can be matched synchronously inside the paste event.
 */
export function createPasteIndex(snapshot: PasteIndexSnapshot) {
  // Read out here: a closure that named `snapshot` would keep its megabytes of base64 alive
  // for as long as the index lives (every closure of this function shares one context).
  const sourceCount = snapshot.sources.length;
  const unpack = (encoded: string) => {
    const pairs = decodePairs(encoded);
    const hashes = new Uint32Array(pairs.length / 2);
    const owners = new Uint16Array(pairs.length / 2);
    for (let i = 0; i < hashes.length; i++) {
      hashes[i] = pairs[2 * i]!;
      // A pair naming no source (a damaged index) must never be matched.
      const owner = pairs[2 * i + 1]!;
      if (owner >= sourceCount) throw new Error('The paste index names a source it does not have');
      owners[i] = owner;
    }
    return { hashes, owners };
  };
  const shingles = unpack(snapshot.shingles);
  const exact = unpack(snapshot.exact);
  // Storage hands every source its own copy of its publisher's host list: share them.
  const hostLists = new Map<string, string[]>();
  const sources = snapshot.sources.map((source) => {
    const key = source.hosts.join(' ');
    let hosts = hostLists.get(key);
    if (!hosts) hostLists.set(key, (hosts = source.hosts));
    return { ...source, hosts };
  });
  /** Whether the user copied from this address (a scan: asked only to break a rare tie). */
  const copiedFrom = (url: string) =>
    sources.some((source) => !source.readOnly && source.url === url);

  function lowerBound(hashes: Uint32Array, value: number): number {
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function forEachOwner(table: typeof shingles, hash: number, visit: (owner: number) => void) {
    for (
      let i = lowerBound(table.hashes, hash);
      i < table.hashes.length && table.hashes[i] === hash;
      i++
    ) {
      visit(table.owners[i]!);
    }
  }

  return {
    /** Entries held, for the bench's footprint figure. */
    entries: shingles.hashes.length + exact.hashes.length,
    bytes:
      shingles.hashes.byteLength +
      shingles.owners.byteLength +
      exact.hashes.byteLength +
      exact.owners.byteLength,

    /**
     * The article a pasted text comes from, or null. One shared shingle could be a stock
     * phrase ("the ministry of foreign affairs said"), so a long paste needs two; an exact
     * copy of any length, or a short paste sharing one, is enough.
     */
    match(text: string): PasteMatch | null {
      const words = hashWords(text);
      if (!words.count) return null;
      // When several articles hold the text (the same story under two addresses), the one
      // copied most recently is where this paste comes from.
      const newer = (a: number, b: number) =>
        b < 0 || sources[a]!.lastCopiedAt > sources[b]!.lastCopiedAt;
      // Between equals: the story's address the user copied from (the same story read
      // under several addresses), then the most recent.
      const preferred = (a: number, b: number) => {
        if (b < 0) return true;
        const copied = Number(copiedFrom(sources[a]!.url)) - Number(copiedFrom(sources[b]!.url));
        return copied > 0 || (copied === 0 && newer(a, b));
      };
      let exactOwner = -1;
      forEachOwner(exact, wholeTextHash(words), (owner) => {
        if (newer(owner, exactOwner)) exactOwner = owner;
      });
      // Typed arrays, not Set/Map: this runs inside the paste event. The paste's shingles
      // are sorted so repeats are skipped and look-ups walk the index in order.
      const pasted = hashShingles(words, COPY_FINGERPRINTS.k).sort();
      const counts = new Int32Array(sources.length);
      const hashes = shingles.hashes;
      const owners = shingles.owners;
      let from = 0;
      let distinct = 0;
      for (let i = 0; i < pasted.length; i++) {
        const hash = pasted[i]!;
        if (i && hash === pasted[i - 1]) continue;
        distinct++;
        // Sorted queries: each bisection starts where the previous one ended.
        let lo = from;
        let hi = hashes.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (hashes[mid]! < hash) lo = mid + 1;
          else hi = mid;
        }
        from = lo;
        for (let j = lo; j < hashes.length && hashes[j] === hash; j++) counts[owners[j]!]!++;
      }
      // An exact copy of a whole copied text is where the paste comes from.
      if (exactOwner >= 0) {
        return { source: sources[exactOwner]!, sharedShingles: counts[exactOwner]!, exact: true };
      }
      // Otherwise the article sharing the most shingles among those that share enough:
      // first among copies (the user did copy that text), then among articles only read.
      // One shared shingle may be a stock phrase ("according to the ministry of"): it counts
      // only for a paste long enough to hold a guaranteed run and too short to hold two.
      // Shorter pastes must be exact copies; longer ones must share two shingles. The user
      // never copied from an article only read, and a whole body shares stock phrases with
      // much of the news: it needs two, and a share of the paste's shingles that the
      // user's own text would not reach (a paste of the article's text shares about 2 in
      // w + 1 = 13 of its shingles with it; one in 30 is asked).
      const guaranteed = guaranteedMatchWords(COPY_FINGERPRINTS);
      const copiedNeeds = words.count >= guaranteed && words.count < 2 * guaranteed ? 1 : 2;
      const readNeeds = Math.max(2, Math.ceil(distinct * READ_ONLY_SHARE));
      for (const readOnly of [false, true]) {
        let best = -1;
        let bestCount = 0;
        for (let owner = 0; owner < counts.length; owner++) {
          const count = counts[owner]!;
          if (!sources[owner]!.readOnly !== !readOnly) continue;
          if (count < (readOnly ? readNeeds : copiedNeeds)) continue;
          if (count > bestCount || (count === bestCount && preferred(owner, best))) {
            best = owner;
            bestCount = count;
          }
        }
        if (best >= 0) return { source: sources[best]!, sharedShingles: bestCount, exact: false };
      }
      return null;
    },
  };
}

export type PasteIndex = ReturnType<typeof createPasteIndex>;

/**
 * Runs the matcher once on a page-sized text, in idle time: the folding table gets built
 * and the engine compiles the hot loops, so the user's first paste pays neither.
 */
export function warmUpPasteMatching(index: PasteIndex): void {
  const words: string[] = [];
  for (let i = 0; i < 3_000; i++) words.push(`word${i % 211}`);
  index.match(words.join(' '));
}
