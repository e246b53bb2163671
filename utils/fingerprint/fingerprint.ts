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

/** Words of a text: a 32-bit hash of each folded word and where it stands in the text. */
export interface Words {
  count: number;
  hashes: Uint32Array;
  /** UTF-16 offset of each word's first code unit. */
  starts: Uint32Array;
  /** UTF-16 offset just past each word. */
  ends: Uint32Array;
}

/** Splits and hashes words in one pass over the text, without allocating strings. */
export function hashWords(text: string): Words {
  const fold = foldTable();
  // Prose averages six or more code units a word; the arrays grow if a text has more.
  let capacity = (text.length >> 2) + 16;
  let hashes: Uint32Array = new Uint32Array(capacity);
  let starts: Uint32Array = new Uint32Array(capacity);
  let ends: Uint32Array = new Uint32Array(capacity);
  let count = 0;
  const length = text.length;
  let i = 0;
  // Two tight loops, separators then one word, keep the per-character work to a table
  // look-up, a comparison and a multiply: this runs over whole pages.
  while (i < length) {
    let folded = fold[text.charCodeAt(i)]!;
    while (folded === SEPARATOR || folded === IGNORED) {
      if (++i === length) break;
      folded = fold[text.charCodeAt(i)]!;
    }
    if (i === length) break;
    if (count === capacity) {
      capacity *= 2;
      hashes = grow(hashes, capacity);
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
    }
    starts[count] = i;
    let hash = 0x811c9dc5; // FNV-1a offset basis
    let end = i;
    while (folded !== SEPARATOR) {
      if (folded !== IGNORED) {
        hash = Math.imul(hash ^ folded, 0x01000193);
        end = i + 1;
      }
      if (++i === length) break;
      folded = fold[text.charCodeAt(i)]!;
    }
    hashes[count] = hash >>> 0;
    ends[count++] = end;
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
 * smallest hash (the rightmost on ties), each kept position once. A monotonic queue makes
 * it linear in the number of shingles.
 */
export function winnow(shingles: Uint32Array, w: number): Uint32Array {
  const n = shingles.length;
  if (n === 0) return new Uint32Array(0);
  if (n <= w) {
    let best = 0;
    for (let i = 1; i < n; i++) if (shingles[i]! <= shingles[best]!) best = i;
    return Uint32Array.of(best);
  }
  const queue = new Uint32Array(n);
  const picked = new Uint32Array(n);
  let head = 0;
  let tail = 0;
  let count = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const value = shingles[i]!;
    while (tail > head && shingles[queue[tail - 1]!]! >= value) tail--;
    queue[tail++] = i;
    if (queue[head]! <= i - w) head++;
    if (i >= w - 1) {
      const min = queue[head]!;
      if (min !== last) {
        picked[count++] = min;
        last = min;
      }
    }
  }
  return picked.slice(0, count);
}

/** Fingerprints a text: fold, split into words, shingle, winnow. */
export function fingerprintText(
  text: string,
  options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS,
): Fingerprints {
  const words = hashWords(text);
  const shingles = hashShingles(words, options.k);
  const wordIndex = winnow(shingles, options.w);
  const hashes = new Uint32Array(wordIndex.length);
  for (let i = 0; i < wordIndex.length; i++) hashes[i] = shingles[wordIndex[i]!]!;
  return { hashes, wordIndex, words, options };
}
