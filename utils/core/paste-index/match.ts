/**
 * Matching a paste against the index, on every page, inside the paste event: the index is
 * decoded once into typed arrays and searched by bisection, synchronously.
 */
import { guaranteedMatchWords, hashShingles, hashWords } from '../fingerprint/fingerprint';
import { lowerBound } from '../fingerprint/sorted-pairs';
import {
  COPY_FINGERPRINTS,
  decodePairs,
  wholeTextHash,
  type PasteIndexSnapshot,
  type PasteSource,
} from './snapshot';

/** The share of a paste's shingles an article only read must hold (see match). */
const READ_ONLY_SHARE = 1 / 30;

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
        from = lowerBound(hashes, hash, from);
        for (let j = from; j < hashes.length && hashes[j] === hash; j++) counts[owners[j]!]!++;
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
export function warmUpPasteMatching(index: PasteIndex, wordCount = 3_000): void {
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(`word${i % 211}`);
  index.match(words.join(' '));
}
