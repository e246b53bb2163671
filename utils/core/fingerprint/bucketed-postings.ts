/**
 * Which owners have each fingerprint, at 4 bytes a posting, for up to 131,072 owners: the
 * article index's layout (the paste index, with a few thousand owners, keeps sorted-pairs).
 *
 * A [hash, owner] pair of uint32s costs 8 bytes; 100,000 articles of ~95 fingerprints would
 * take 76 MB that way. Here a hash's low 19 bits choose its bucket (`offsets[bucket]` to
 * `offsets[bucket + 1]`), and each posting packs the hash's other 13 bits above the owner's
 * 17: the whole hash is kept (no false matches), in one uint32. A look-up reads one bucket,
 * about 18 postings at 100,000 articles, instead of bisecting millions.
 *
 * Measured on the bench's page against 100,000 articles (tests/bench/article-index.ts):
 * buckets chosen by the top bits were about four times fuller where pages look (winnowing
 * keeps the smallest hashes, whose top bits lean towards 0): match 9.7 ms, against 3.6 ms
 * by the low bits, with 2^17 buckets. 2^19 buckets rather than 2^17 (1.5 MB more, and an
 * addition moves a longer table of offsets) took the match from 4.3 to 2.8 ms, and the
 * whole check's p95 from 12.8 to 9.8 ms.
 *
 * Within a bucket, postings are in owner order, then hash order: new owners come with a
 * higher number than any present (`add`), and renumbering keeps the owners' order
 * (`renumber`). So one set of owners has one layout, however it was built.
 */

const OWNER_BITS = 17;
const BUCKET_BITS = 19;
const BUCKETS = 2 ** BUCKET_BITS;
const OWNER_MASK = 2 ** OWNER_BITS - 1;
const BUCKET_MASK = BUCKETS - 1;

/** Owners are numbered below this. */
export const MAX_OWNERS = 2 ** OWNER_BITS;

const bucketOf = (hash: number) => hash & BUCKET_MASK;
const postingOf = (hash: number, owner: number) =>
  (((hash >>> BUCKET_BITS) << OWNER_BITS) | owner) >>> 0;

export class BucketedPostings {
  /** Where each bucket starts in `postings`; the last entry is where the postings end. */
  private readonly offsets = new Uint32Array(BUCKETS + 1);
  /** Room beyond `offsets[BUCKETS]` is spare, for the next owners' postings. */
  private postings = new Uint32Array(0);

  /** Postings stored (one per distinct fingerprint of each owner). */
  get size(): number {
    return this.offsets[BUCKETS]!;
  }

  /** Memory held, spare room included. */
  get byteLength(): number {
    return this.offsets.byteLength + this.postings.byteLength;
  }

  /**
   * Builds the postings of owners 0…n−1 without sorting (a cold start): a count per bucket,
   * then each posting placed, owner after owner, then one pass that orders and merges the
   * rare repeats of an owner within a bucket. `lists[owner]` is the owner's fingerprints,
   * in any order, repeats allowed; read where they are (a cold start holds 100,000 of them
   * already: a copy would be 38 MB more, and a garbage collection of them). Also returns
   * how many distinct fingerprints each owner has.
   */
  static build(lists: readonly ArrayLike<number>[]): {
    postings: BucketedPostings;
    distinct: Uint32Array;
  } {
    if (lists.length > MAX_OWNERS) throw new RangeError(`more than ${MAX_OWNERS} owners`);
    const built = new BucketedPostings();
    const { offsets } = built;
    let total = 0;
    for (const hashes of lists) {
      for (let i = 0; i < hashes.length; i++) offsets[bucketOf(hashes[i]!) + 1]! += 1;
      total += hashes.length;
    }
    for (let b = 0; b < BUCKETS; b++) offsets[b + 1]! += offsets[b]!;
    const next = offsets.slice(0, BUCKETS);
    const postings = new Uint32Array(total);
    for (let owner = 0; owner < lists.length; owner++) {
      const hashes = lists[owner]!;
      for (let i = 0; i < hashes.length; i++) {
        const hash = hashes[i]! >>> 0;
        postings[next[bucketOf(hash)]!++] = postingOf(hash, owner);
      }
    }
    // One pass that puts an owner's postings within a bucket in order and drops its repeats
    // (rare: two fingerprints of an article in one bucket, or one fingerprint twice), in
    // place; the common posting is compared with the one before it and written back.
    const distinct = Uint32Array.from(lists, (hashes) => hashes.length);
    let out = 0;
    let read = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const start = out;
      offsets[b] = start;
      for (const end = offsets[b + 1]!; read < end; read++) {
        const posting = postings[read]!;
        const owner = posting & OWNER_MASK;
        let at = out;
        while (
          at > start &&
          (postings[at - 1]! & OWNER_MASK) === owner &&
          postings[at - 1]! > posting
        ) {
          at--;
        }
        if (at > start && postings[at - 1] === posting) {
          distinct[owner]!--;
          continue;
        }
        if (at < out) postings.copyWithin(at + 1, at, out);
        postings[at] = posting;
        out++;
      }
    }
    offsets[BUCKETS] = out;
    // Repeats dropped leave room at the end: spare, like add's.
    built.postings = postings;
    return { postings: built, distinct };
  }

  /**
   * Adds an owner's fingerprints (any order, repeats allowed); returns how many distinct
   * ones it has. The owner must be numbered above every owner present. Each posting goes to
   * the end of its bucket: one move of the postings after it, in place, so an addition
   * costs a pass over memory, not a sort.
   */
  add(owner: number, fingerprints: ArrayLike<number>): number {
    if (owner >= MAX_OWNERS) throw new RangeError(`owner ${owner} ≥ ${MAX_OWNERS}`);
    const ordered = Array.from(fingerprints, (hash) => hash >>> 0).sort(
      (a, b) => bucketOf(a) - bucketOf(b) || a - b,
    );
    const hashes = ordered.filter((hash, i) => i === 0 || hash !== ordered[i - 1]);
    const added = hashes.length;
    if (!added) return 0;
    const { offsets } = this;
    const size = this.size;
    if (size + added > this.postings.length) {
      // A sixteenth spare: a few thousand articles more before the next copy.
      const grown = new Uint32Array(size + Math.max(added, size >>> 4));
      grown.set(this.postings.subarray(0, size));
      this.postings = grown;
    }
    const postings = this.postings;
    // From the last bucket back: the postings after each insertion point move by the number
    // of new postings at or before it.
    let moved = size;
    for (let i = added - 1; i >= 0; i--) {
      const hash = hashes[i]!;
      const at = offsets[bucketOf(hash) + 1]!;
      postings.copyWithin(at + i + 1, at, moved);
      postings[at + i] = postingOf(hash, owner);
      moved = at;
    }
    // Each bucket after the i-th new posting's starts i + 1 further on: one tight loop per
    // stretch between new postings (a check per bucket cost milliseconds over 2^19 of them).
    for (let i = 0; i < added; i++) {
      const to = i + 1 < added ? bucketOf(hashes[i + 1]!) : BUCKETS;
      for (let b = bucketOf(hashes[i]!) + 1; b <= to; b++) offsets[b]! += i + 1;
    }
    return added;
  }

  /** Calls `found` with each owner that has `hash`, in owner order. */
  forEachOwner(hash: number, found: (owner: number) => void): void {
    this.forEachMatch([hash], (_, owner) => found(owner));
  }

  /**
   * Calls `found` for each owner of each of `hashes` (a page's fingerprints): with the
   * hash's index, in order, and the owners of each in owner order. One loop for the whole
   * page, with a call per match only (the bench's page against 100,000 articles: match
   * 4.1 ms with a call per look-up, 2.5 ms so).
   */
  forEachMatch(hashes: ArrayLike<number>, found: (index: number, owner: number) => void): void {
    const { offsets, postings } = this;
    for (let f = 0; f < hashes.length; f++) {
      const hash = hashes[f]! >>> 0;
      const bucket = bucketOf(hash);
      const high = hash >>> BUCKET_BITS;
      const end = offsets[bucket + 1]!;
      for (let p = offsets[bucket]!; p < end; p++) {
        const posting = postings[p]!;
        if (posting >>> OWNER_BITS === high) found(f, posting & OWNER_MASK);
      }
    }
  }

  /**
   * Renumbers owner o to `renumber[o]`, dropping the postings of owners renumbered to −1, in
   * one pass in place. The new numbers must keep the owners' order.
   */
  renumber(renumber: Int32Array): void {
    const { offsets, postings } = this;
    let out = 0;
    let read = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const end = offsets[b + 1]!;
      offsets[b] = out;
      for (; read < end; read++) {
        const posting = postings[read]!;
        const to = renumber[posting & OWNER_MASK]!;
        if (to >= 0) postings[out++] = ((posting & ~OWNER_MASK) | to) >>> 0;
      }
    }
    offsets[BUCKETS] = out;
  }

  /** The postings in order, as [hash, owner] pairs: for tests and comparisons. */
  pairs(): Uint32Array {
    const out = new Uint32Array(this.size * 2);
    for (let b = 0; b < BUCKETS; b++) {
      for (let p = this.offsets[b]!; p < this.offsets[b + 1]!; p++) {
        const posting = this.postings[p]!;
        out[2 * p] = (((posting >>> OWNER_BITS) << BUCKET_BITS) | b) >>> 0;
        out[2 * p + 1] = posting & OWNER_MASK;
      }
    }
    return out;
  }
}
