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

/** Words of a text: a 32-bit hash of each folded word, in order. */
export interface Words {
  count: number;
  /** FNV-1a of each word's folded code units; may be longer than `count`. */
  hashes: Uint32Array;
}

const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/**
 * What a separator feeds the hash: the value x with x · FNV_PRIME = FNV_BASIS (mod 2^32), so
 * one multiply both ends a word and starts the next one at the offset basis (see hashAllWords).
 */
const SEPARATOR_INPUT = Math.imul(FNV_BASIS, inverseMod32(FNV_PRIME));

/** The multiplicative inverse of an odd number modulo 2^32 (Newton's iteration). */
function inverseMod32(odd: number): number {
  let inverse = odd; // right to 3 bits; each step doubles the bits
  for (let i = 0; i < 4; i++) inverse = Math.imul(inverse, 2 - Math.imul(odd, inverse));
  return inverse;
}

/**
 * Splits and hashes words (FNV-1a of the folded code units) in one pass, without allocating
 * strings. Where the words stand is locateWords's job: reports need it, matching does not.
 */
export function hashWords(text: string): Words {
  const words = hashAllWords(text, null);
  return { count: words.count, hashes: new Uint32Array(words.hashes.buffer) };
}

/**
 * The hot loop of fingerprinting, written for the optimiser: no branch inside the loop. A
 * word boundary every six code units or so would make an "is this a separator?" branch
 * mispredict once a word; and with any branch in this loop, even one never taken,
 * Chromium 156 ran it about 3× slower (measured on the bench's text). Instead every code
 * unit runs the same instructions: a separator masks the hash to 0 and feeds
 * SEPARATOR_INPUT, which resets it to the offset basis, and the running hash is written to
 * the current word's slot, which moves on when a word ends. Units that vanish (soft
 * hyphens, zero-width, combining marks) are rare: the fast loop only notices them, and a
 * chunk that has one is hashed again by hashRange, as are the chunks after it until one
 * has none. Relies on SEPARATOR being 0 and IGNORED 0xffff (fold.ts).
 */
function hashAllWords(
  text: string,
  buffer: Int32Array | null,
): { count: number; hashes: Int32Array } {
  const fold = foldTable();
  const length = text.length;
  // Prose has a word every six code units or so; room is checked once a chunk, not per unit.
  // Written as int32 (the same bits): V8 stores those without converting.
  const estimate = (length >> 2) + 16;
  let hashes = buffer && buffer.length >= estimate ? buffer : new Int32Array(estimate);
  // Locals, not module bindings: Node 20's V8 was seen checking module constants for their
  // temporal dead zone on every read inside the loop.
  const separatorInput = SEPARATOR_INPUT;
  const prime = FNV_PRIME;
  const state: HashState = { count: 0, hash: FNV_BASIS, inWord: 0 };
  let vanishingSeen = false;
  for (let chunk = 0; chunk < length; chunk += CHUNK) {
    const chunkEnd = Math.min(chunk + CHUNK, length);
    // A chunk ends at most one word per two units (a unit and a separator, the first of
    // which may end the word under way), and the slot after them holds the word under way.
    const room = state.count + ((chunkEnd - chunk) >> 1) + 2;
    if (room > hashes.length) hashes = grow(hashes, Math.max(room, hashes.length * 2));
    if (vanishingSeen) {
      vanishingSeen = hashRange(text, chunk, chunkEnd, fold, hashes, state);
      continue;
    }
    let { count, hash, inWord } = state;
    let vanishing = 0;
    // Two units a turn: half the loop's own checks. An odd last unit is left to hashRange.
    const pairsEnd = chunk + ((chunkEnd - chunk) & ~1);
    for (let i = chunk; i < pairsEnd; i += 2) {
      const first = fold[text.charCodeAt(i)]!;
      const second = fold[text.charCodeAt(i + 1)]!;
      vanishing |= (first + 1) | (second + 1); // bit 16 once one vanishes: IGNORED is 0xffff
      // -1 for SEPARATOR (0), else 0 (IGNORED counts as a letter: its chunk is hashed again).
      let separator = (first - 1) >> 31;
      count += inWord & separator & 1;
      hash = Math.imul((hash & ~separator) ^ (first | (separatorInput & separator)), prime);
      hashes[count] = hash;
      inWord = ~separator;
      separator = (second - 1) >> 31;
      count += inWord & separator & 1;
      hash = Math.imul((hash & ~separator) ^ (second | (separatorInput & separator)), prime);
      hashes[count] = hash;
      inWord = ~separator;
    }
    if (vanishing > 0xffff) {
      vanishingSeen = hashRange(text, chunk, chunkEnd, fold, hashes, state);
    } else {
      Object.assign(state, { count, hash, inWord });
      if (pairsEnd < chunkEnd) hashRange(text, pairsEnd, chunkEnd, fold, hashes, state);
    }
  }
  return { count: state.count + (state.inWord & 1), hashes };
}

interface HashState {
  count: number;
  hash: number;
  inWord: number; // -1 while inside a word, 0 between words
}

/**
 * hashAllWords's step over [from, to), one unit a turn, with units that vanish handled
 * without a branch either: such a unit multiplies by 1 and feeds 0, leaving the hash and
 * the word as they were. Says whether any unit vanished.
 */
function hashRange(
  text: string,
  from: number,
  to: number,
  fold: Uint16Array,
  hashes: Int32Array,
  state: HashState,
): boolean {
  const separatorInput = SEPARATOR_INPUT;
  const prime = FNV_PRIME;
  let { count, hash, inWord } = state;
  hashes[count] = hash; // the word under way when the range began, as it was
  let vanishing = 0;
  for (let i = from; i < to; i++) {
    const folded = fold[text.charCodeAt(i)]!;
    const vanishes = -((folded + 1) >> 16); // -1 for IGNORED (0xffff), else 0
    vanishing |= vanishes;
    // -1 for SEPARATOR, else 0; 0 for IGNORED too: it neither ends nor starts a word.
    const separator = (folded - 1) >> 31;
    count += inWord & separator & 1;
    const input = (folded | (separatorInput & separator)) & ~vanishes;
    hash = Math.imul((hash & ~separator) ^ input, prime ^ (vanishes & (prime ^ 1)));
    hashes[count] = hash;
    inWord = (~separator & ~vanishes) | (inWord & vanishes);
  }
  Object.assign(state, { count, hash, inWord });
  return vanishing < 0;
}

const CHUNK = 4096;

function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(capacity);
  grown.set(array);
  return grown;
}

/** Where each word of a text starts and ends (UTF-16 offsets), by hashWords's rules. */
export interface WordPositions {
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
}

/**
 * Finds where each word stands, without hashing: what a report needs to quote and
 * highlight passages. A word starts at a unit that is neither a separator nor vanishing,
 * and ends at the next separator.
 */
export function locateWords(text: string): WordPositions {
  const fold = foldTable();
  const length = text.length;
  let starts = new Int32Array((length >> 2) + 16);
  let ends = new Int32Array(starts.length);
  let count = 0;
  let i = 0;
  while (i < length) {
    const folded = fold[text.charCodeAt(i)]!;
    if (folded === SEPARATOR || folded === IGNORED) {
      i++;
      continue;
    }
    if (count === starts.length) {
      starts = grow(starts, count * 2);
      ends = grow(ends, count * 2);
    }
    starts[count] = i;
    while (++i < length && fold[text.charCodeAt(i)] !== SEPARATOR);
    ends[count++] = i;
  }
  return {
    count,
    starts: new Uint32Array(starts.buffer, 0, count),
    ends: new Uint32Array(ends.buffer, 0, count),
  };
}

/** Murmur3's finaliser: spreads shingle hashes so that "the minimum" picks evenly. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

const BASE = 0x01000193;

/** Rolling hashes of every run of k consecutive words (shingles); shingle i starts at word i. */
export function hashShingles(words: Words, k: number): Uint32Array {
  const hashes = new Int32Array(words.hashes.buffer, words.hashes.byteOffset, words.count);
  const n = Math.max(words.count - k + 1, 0);
  return new Uint32Array(rollShingles(hashes, words.count, k, 0, new Int32Array(n)).buffer, 0, n);
}

/**
 * hashShingles, each hash XOR `bias` and as int32. With the top bit as the bias, signed
 * order is the hashes' unsigned order: winnowing compares int32s, which V8 does natively.
 */
function rollShingles(
  hashes: Int32Array,
  count: number,
  k: number,
  bias: number,
  out: Int32Array,
): Int32Array {
  const n = count - k + 1;
  if (n <= 0) return out.subarray(0, 0);
  // Read and written as int32 (the same bits): V8 keeps the arithmetic in integer registers.
  const base = BASE;
  let power = 1; // BASE^(k-1), to take the oldest word out
  for (let i = 1; i < k; i++) power = Math.imul(power, base);
  let rolling = 0;
  for (let i = 0; i < k - 1; i++) rolling = (Math.imul(rolling, base) + hashes[i]!) | 0;
  for (let i = 0; i < n; i++) {
    rolling = (Math.imul(rolling, base) + hashes[i + k - 1]!) | 0;
    out[i] = mix(rolling) ^ bias;
    rolling = (rolling - Math.imul(hashes[i]!, power)) | 0;
  }
  return out.subarray(0, n);
}

/** A text's fingerprints: selected shingle hashes and the word index each shingle starts at. */
export interface Fingerprints {
  hashes: Uint32Array;
  /** Index, among the text's words, of each fingerprint's first word. */
  wordIndex: Uint32Array;
  options: FingerprintOptions;
}

/**
 * Winnowing (Schleimer, Wilkerson, Aiken 2003): in every window of w shingles keep the
 * smallest hash (the rightmost on ties), each kept position once.
 */
export function winnow(shingles: Uint32Array, w: number): Uint32Array {
  const signed = new Int32Array(shingles.length);
  for (let i = 0; i < shingles.length; i++) signed[i] = shingles[i]! ^ TOP_BIT;
  return winnowSigned(signed, w);
}

const TOP_BIT = 0x80000000 | 0;

/**
 * winnow over int32 values. The minimum is carried from window to window and the window
 * rescanned only when it falls out: amortised linear, with no queue to keep.
 */
function winnowSigned(values: Int32Array, w: number): Uint32Array {
  const n = values.length;
  if (n === 0) return new Uint32Array(0);
  // Room for every position (the most there can be): no check per pick. About 2n/(w+1)
  // are used; the rest of the array is never touched.
  const picked = new Int32Array(n);
  // The first window (or the whole text, when shorter than one) always gives a position.
  const firstEnd = Math.min(w, n) - 1;
  let min = 0;
  let minValue = values[0]!;
  for (let i = 1; i <= firstEnd; i++) {
    if (values[i]! <= minValue) {
      min = i;
      minValue = values[i]!;
    }
  }
  picked[0] = min;
  let count = 1;
  // `expired`: a minimum at or before it has left the window ending at `end`.
  for (let end = firstEnd + 1, expired = end - w; end < n; end++, expired++) {
    const value = values[end]!;
    if (value <= minValue) {
      min = end;
      minValue = value;
    } else if (min <= expired) {
      // The minimum left the window: rescan it, choosing without branches (a random compare
      // per step would mispredict a third of the time).
      min = expired + 1;
      minValue = values[min]!;
      for (let j = min + 1; j <= end; j++) {
        const candidate = values[j]!;
        const take = -+(candidate <= minValue); // -1 to take it, else 0
        min = (j & take) | (min & ~take);
        minValue = (candidate & take) | (minValue & ~take);
      }
    } else {
      continue;
    }
    // A new minimum is always a new position: a later one, or the old one left the window.
    picked[count++] = min;
  }
  return new Uint32Array(picked.buffer, 0, count).slice();
}

/**
 * Fingerprints a text: fold, split into words, shingle, winnow. Words' positions are not
 * kept: matching needs only the hashes, and a report locates words itself (locateWords).
 */
export function fingerprintText(
  text: string,
  options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS,
): Fingerprints {
  const words = hashAllWords(text, scratch.words);
  scratch.words = words.hashes;
  const shingleCount = Math.max(words.count - options.k + 1, 0);
  if (scratch.shingles.length < shingleCount) scratch.shingles = new Int32Array(shingleCount);
  const shingles = rollShingles(words.hashes, words.count, options.k, TOP_BIT, scratch.shingles);
  const wordIndex = winnowSigned(shingles, options.w);
  const hashes = new Uint32Array(wordIndex.length);
  for (let i = 0; i < wordIndex.length; i++) hashes[i] = shingles[wordIndex[i]!]! ^ TOP_BIT;
  return { hashes, wordIndex, options };
}

/**
 * fingerprintText's working arrays, kept from call to call: a background that fingerprints
 * page after page then allocates only its results, and collects less garbage. They grow to
 * the longest text seen (page text is capped at 2 M units: about 3 MB for prose, 8 MB at
 * worst, for a page of one-letter words). They never leave fingerprintText, which runs to
 * completion before any other call can use them.
 */
const scratch: { words: Int32Array; shingles: Int32Array } = {
  words: new Int32Array(0),
  shingles: new Int32Array(0),
};
