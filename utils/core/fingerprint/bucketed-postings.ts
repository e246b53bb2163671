/**
 * Which owners have each fingerprint, at 4 bytes a posting, for up to 131,072 owners: the
 * article index's layout (the paste index, with a few thousand owners, keeps sorted-pairs).
 *
 * A [hash, owner] pair of uint32s costs 8 bytes; 100,000 articles of ~95 fingerprints would
 * take 76 MB that way. Here a hash's top 17 bits choose its bucket (`offsets[bucket]` to
 * `offsets[bucket + 1]`), and each posting packs the hash's other 15 bits above the owner's
 * 17: the whole hash is kept (no false matches), in one uint32. A look-up scans one bucket,
 * about 70 postings at 100,000 articles, instead of bisecting millions.
 *
 * Within a bucket, postings are in owner order, then hash order: new owners come with a
 * higher number than any present (`add`), and renumbering keeps the owners' order
 * (`renumber`). So one set of owners has one layout, however it was built.
 */

const OWNER_BITS = 17;
const LOW_BITS = 32 - OWNER_BITS;
const BUCKETS = 2 ** (32 - LOW_BITS);
const OWNER_MASK = 2 ** OWNER_BITS - 1;
const LOW_MASK = 2 ** LOW_BITS - 1;

/** Owners are numbered below this. */
export const MAX_OWNERS = 2 ** OWNER_BITS;

const bucketOf = (hash: number) => hash >>> LOW_BITS;
const postingOf = (hash: number, owner: number) => (((hash & LOW_MASK) << OWNER_BITS) | owner) >>> 0;

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
   * Builds the postings of owners 0…n−1 in two passes (count per bucket, then place): a cold
   * start sorts nothing. `hashes` holds each owner's distinct fingerprints, ascending,
   * owner after owner; owner i's are `hashes[ends[i − 1]]` up to `hashes[ends[i]]`.
   */
  static build(hashes: Uint32Array, ends: Uint32Array): BucketedPostings {
    if (ends.length > MAX_OWNERS) throw new RangeError(`more than ${MAX_OWNERS} owners`);
    const built = new BucketedPostings();
    const { offsets } = built;
    const total = ends.length ? (ends[ends.length - 1]!) : 0;
    for (let i = 0; i < total; i++) offsets[bucketOf(hashes[i]!) + 1]! += 1;
    for (let b = 0; b < BUCKETS; b++) offsets[b + 1]! += offsets[b]!;
    const next = offsets.slice(0, BUCKETS);
    const postings = new Uint32Array(total);
    let i = 0;
    for (let owner = 0; owner < ends.length; owner++) {
      for (const end = ends[owner]!; i < end; i++) {
        const hash = hashes[i]!;
        postings[next[bucketOf(hash)]!++] = postingOf(hash, owner);
      }
    }
    built.postings = postings;
    return built;
  }

  /**
   * Adds an owner's distinct fingerprints (ascending). The owner must be numbered above
   * every owner present. Each posting goes to the end of its bucket: one move of the
   * postings after it, in place, so an addition costs a pass over memory, not a sort.
   */
  add(owner: number, hashes: Uint32Array): void {
    if (owner >= MAX_OWNERS) throw new RangeError(`owner ${owner} ≥ ${MAX_OWNERS}`);
    const added = hashes.length;
    if (!added) return;
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
    let before = 0;
    let next = 0;
    for (let b = bucketOf(hashes[0]!); b < BUCKETS; b++) {
      while (next < added && bucketOf(hashes[next]!) === b) {
        next++;
        before++;
      }
      offsets[b + 1]! += before;
    }
  }

  /** Calls `found` with each owner that has `hash`, in owner order. */
  forEachOwner(hash: number, found: (owner: number) => void): void {
    const bucket = bucketOf(hash);
    const low = hash & LOW_MASK;
    const postings = this.postings;
    const end = this.offsets[bucket + 1]!;
    for (let p = this.offsets[bucket]!; p < end; p++) {
      const posting = postings[p]!;
      if (posting >>> OWNER_BITS === low) found(posting & OWNER_MASK);
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
      for (let p = this.offsets[b]!; p < (this.offsets[b + 1]!); p++) {
        const posting = this.postings[p]!;
        out[2 * p] = ((b << LOW_BITS) | (posting >>> OWNER_BITS)) >>> 0;
        out[2 * p + 1] = posting & OWNER_MASK;
      }
    }
    return out;
  }
}
