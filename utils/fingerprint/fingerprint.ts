import { foldTable, IGNORED, SEPARATOR } from './fold';

/** Words per shingle, and shingles per winnowing window. */
export interface FingerprintOptions {
  k: number;
  w: number;
}

/**
 * k = 5 words tolerates one changed word per sentence of a dozen; w = 8 keeps about one
 * shingle in four. Together they guarantee that any shared run of w + k − 1 = 12 words
 * shares at least one fingerprint.
 */
export const DEFAULT_FINGERPRINT_OPTIONS: FingerprintOptions = { k: 5, w: 8 };

/** The number of shared consecutive words that is always found. */
export function guaranteedMatchWords({
  k,
  w,
}: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS): number {
  return w + k - 1;
}

/** Words of a text: a 32-bit hash of each folded word and, if asked for, where it stands. */
export interface Words {
  count: number;
  hashes: Uint32Array;
  /** UTF-16 offset of each word's first code unit (empty when positions were not asked for). */
  starts: Uint32Array;
  /** UTF-16 offset just past each word (empty when positions were not asked for). */
  ends: Uint32Array;
}

const NO_POSITIONS = new Uint32Array(0);

/**
 * Splits and hashes words in one pass over the text, without allocating strings. Positions
 * cost a fifth of the time and only reports need them, so they are optional.
 */
export function hashWords(text: string, positions = true): Words {
  const fold = foldTable();
  // Prose averages six or more code units a word; the arrays grow if a text has more.
  let capacity = (text.length >> 2) + 16;
  let hashes: Uint32Array = new Uint32Array(capacity);
  let starts: Uint32Array = positions ? new Uint32Array(capacity) : NO_POSITIONS;
  let ends: Uint32Array = positions ? new Uint32Array(capacity) : NO_POSITIONS;
  let count = 0;
  const length = text.length;
  let i = 0;
  // Two tight loops, separators then one word, keep the per-character work to a table
  // look-up, a comparison and a multiply: this runs over whole pages.
  while (i < length) {
    let folded = fold[text.charCodeAt(i)]!;
    if (folded <= IGNORED) {
      i++;
      continue;
    }
    if (count === capacity) {
      capacity *= 2;
      hashes = grow(hashes, capacity);
      if (positions) {
        starts = grow(starts, capacity);
        ends = grow(ends, capacity);
      }
    }
    if (positions) starts[count] = i;
    let hash = 0x811c9dc5; // FNV-1a offset basis
    for (;;) {
      if (folded !== IGNORED) hash = Math.imul(hash ^ folded, 0x01000193);
      if (++i === length) break;
      folded = fold[text.charCodeAt(i)]!;
      if (folded === SEPARATOR) break;
    }
    if (positions) ends[count] = i;
    hashes[count++] = hash >>> 0;
  }
  return { count, hashes, starts, ends };
}

function grow(array: Uint32Array, capacity: number): Uint32Array {
  const grown = new Uint32Array(capacity);
  grown.set(array);
  return grown;
}

/** Murmur3's finaliser: spreads shingle hashes so that "the minimum" picks evenly. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const BASE = 0x01000193;

/** Rolling hashes of every run of k consecutive words (shingles); shingle i starts at word i. */
export function hashShingles(words: Words, k: number): Uint32Array {
  const n = words.count - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  let power = 1; // BASE^(k-1)
  for (let i = 1; i < k; i++) power = Math.imul(power, BASE);
  let rolling = 0;
  const hashes = words.hashes;
  for (let i = 0; i < k; i++) rolling = (Math.imul(rolling, BASE) + hashes[i]!) | 0;
  out[0] = mix(rolling);
  for (let i = 1; i < n; i++) {
    rolling = (rolling - Math.imul(hashes[i - 1]!, power)) | 0;
    rolling = (Math.imul(rolling, BASE) + hashes[i + k - 1]!) | 0;
    out[i] = mix(rolling);
  }
  return out;
}

/** A text's fingerprints: selected shingle hashes and the word index each shingle starts at. */
export interface Fingerprints {
  hashes: Uint32Array;
  /** Index into `words` of each fingerprint's first word. */
  wordIndex: Uint32Array;
  words: Words;
  options: FingerprintOptions;
}

/**
 * Winnowing (Schleimer, Wilkerson, Aiken 2003): in every window of w shingles keep the
 * smallest hash (the rightmost on ties), each kept position once. The minimum is carried
 * from window to window and the window rescanned only when it falls out: amortised
 * linear, with no queue to keep.
 */
export function winnow(shingles: Uint32Array, w: number): Uint32Array {
  const n = shingles.length;
  if (n === 0) return new Uint32Array(0);
  if (n <= w) {
    let best = 0;
    for (let i = 1; i < n; i++) if (shingles[i]! <= shingles[best]!) best = i;
    return Uint32Array.of(best);
  }
  // About 2n/(w+1) positions are kept; room for twice that, grown if a text needs more.
  let picked: Uint32Array = new Uint32Array(((2 * n) / (w + 1)) * 2 + 16);
  let count = 0;
  let min = -1;
  for (let end = w - 1; end < n; end++) {
    const start = end - w + 1;
    if (min < start) {
      min = start;
      for (let j = start + 1; j <= end; j++) if (shingles[j]! <= shingles[min]!) min = j;
    } else if (shingles[end]! <= shingles[min]!) {
      min = end;
    } else {
      continue;
    }
    if (count === picked.length) picked = grow(picked, picked.length * 2);
    if (count === 0 || picked[count - 1] !== min) picked[count++] = min;
  }
  return picked.slice(0, count);
}

/** Fingerprints a text: fold, split into words, shingle, winnow. */
export function fingerprintText(
  text: string,
  options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS,
  positions = true,
): Fingerprints {
  const words = hashWords(text, positions);
  const shingles = hashShingles(words, options.k);
  const wordIndex = winnow(shingles, options.w);
  const hashes = new Uint32Array(wordIndex.length);
  for (let i = 0; i < wordIndex.length; i++) hashes[i] = shingles[wordIndex[i]!]!;
  return { hashes, wordIndex, words, options };
}
