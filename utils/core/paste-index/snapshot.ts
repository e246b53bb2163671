/**
 * The paste index as storage holds it, and what both of its sides share: the background
 * builds it (build.ts), every page matches pastes against it (match.ts).
 */
import { type FingerprintOptions, type Words } from '../fingerprint/fingerprint';
import type { LinkPlacement } from '../publishers/types';

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

/** What storage holds: JSON-friendly, the typed arrays as base64. */
export interface PasteIndexSnapshot {
  version: 1;
  sources: PasteSource[];
  /** Little-endian uint32 pairs [hash, source], sorted by hash: shingle fingerprints of copies. */
  shingles: string;
  /** The same for the hash of each copy's whole folded text: exact copies of any length. */
  exact: string;
}

/**
 * The index as storage.local holds it: the sources as one JSON string. Handing a page 2,000
 * sources as objects took Chromium 25–40 ms (each becomes a V8 object on arrival), as one
 * string about 1 ms, and JSON.parse a few more. Indexes stored as objects are still read.
 */
export interface StoredPasteIndex extends Omit<PasteIndexSnapshot, 'sources'> {
  sources: string | PasteSource[];
}

export function toStoredPasteIndex(snapshot: PasteIndexSnapshot): StoredPasteIndex {
  return { ...snapshot, sources: JSON.stringify(snapshot.sources) };
}

/** The stored value with its sources as objects again; anything else as it is (to be checked). */
export function fromStoredPasteIndex(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  const { sources } = stored as { sources?: unknown };
  if (typeof sources !== 'string') return stored;
  try {
    return { ...stored, sources: JSON.parse(sources) as unknown };
  } catch {
    return { ...stored, sources: null };
  }
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

/** The sorted pairs as storage keeps them: little-endian bytes in base64. */
export function encodePairs(pairs: Uint32Array): string {
  const bytes = new Uint8Array(pairs.buffer, pairs.byteOffset, pairs.byteLength);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + chunk)));
  }
  return btoa(binary);
}

/** The platform's own decoder (Chrome 140, Firefox 133): many times faster than atob and a loop. */
const fromBase64 = (Uint8Array as { fromBase64?: (encoded: string) => Uint8Array }).fromBase64;

export function decodePairs(encoded: string): Uint32Array {
  if (!encoded) return new Uint32Array(0);
  if (fromBase64) {
    const bytes = fromBase64(encoded);
    return new Uint32Array(bytes.buffer, bytes.byteOffset, (bytes.length >> 3) * 2);
  }
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length - (binary.length % 8));
  for (let i = 0; i < bytes.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Uint32Array(bytes.buffer);
}
