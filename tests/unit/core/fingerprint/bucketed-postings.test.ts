import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketedPostings, MAX_OWNERS } from '../../../../utils/core/fingerprint/bucketed-postings';

/** Owners' distinct fingerprints, ascending; few distinct values, so owners share some. */
const owners = fc.array(
  fc
    .uniqueArray(
      fc.oneof(
        fc.constantFrom(0, 1, 0x7fff, 0x8000, 0xffffffff, 0xdeadbeef),
        fc.nat(),
        fc.integer({ min: 0, max: 0xffffffff }),
      ),
      { maxLength: 30 },
    )
    .map((hashes) => Uint32Array.from(hashes).sort()),
  { maxLength: 25 },
);

function built(lists: ArrayLike<number>[]): BucketedPostings {
  return BucketedPostings.build(lists).postings;
}

function added(lists: ArrayLike<number>[]): BucketedPostings {
  const postings = new BucketedPostings();
  lists.forEach((list, owner) => postings.add(owner, list));
  return postings;
}

function ownersOf(postings: BucketedPostings, hash: number): number[] {
  const found: number[] = [];
  postings.forEachOwner(hash, (owner) => found.push(owner));
  return found;
}

describe('bucketed postings', () => {
  it('find exactly the owners of each fingerprint, in owner order, built at once or one owner at a time (property)', () => {
    fc.assert(
      fc.property(owners, fc.array(fc.integer({ min: 0, max: 0xffffffff })), (lists, others) => {
        const all = [built(lists), added(lists)];
        expect(Array.from(all[0]!.pairs())).toEqual(Array.from(all[1]!.pairs()));
        for (const hash of [...lists.flatMap((list) => [...list]), ...others]) {
          const expected = lists.flatMap((list, owner) => (list.includes(hash) ? [owner] : []));
          for (const postings of all) expect(ownersOf(postings, hash)).toEqual(expected);
        }
        expect(all[0]!.size).toBe(lists.reduce((sum, list) => sum + list.length, 0));
      }),
    );
  });

  it("take fingerprints in any order, repeated, and count each owner's distinct ones", () => {
    const lists = [[9, 3, 9, 0x80000003, 3], [], [5, 5, 5]];
    const { postings, distinct } = BucketedPostings.build(lists);
    expect(Array.from(distinct)).toEqual([3, 0, 1]);
    const grown = new BucketedPostings();
    expect(lists.map((list, owner) => grown.add(owner, list))).toEqual([3, 0, 1]);
    expect(Array.from(grown.pairs())).toEqual(Array.from(postings.pairs()));
    // 3 and 0x80000003 share a bucket (the low bits): told apart by the rest.
    expect(ownersOf(postings, 3)).toEqual([0]);
    expect(ownersOf(postings, 0x80000003)).toEqual([0]);
    expect(ownersOf(postings, 5)).toEqual([2]);
  });

  it('keep the whole hash: fingerprints that share a bucket, or the low bits, are told apart', () => {
    // The same low bits (one bucket), another top bit; then the same high bits, another bucket.
    const postings = added([Uint32Array.of(0x12340001), Uint32Array.of(0x92340001, 0x12340002)]);
    expect(ownersOf(postings, 0x12340001)).toEqual([0]);
    expect(ownersOf(postings, 0x92340001)).toEqual([1]);
    expect(ownersOf(postings, 0x12340002)).toEqual([1]);
    expect(ownersOf(postings, 0x12360001)).toEqual([]);
  });

  it('number owners up to 131,071 (17 bits), and no further', () => {
    const postings = new BucketedPostings();
    postings.add(65_536, Uint32Array.of(7));
    postings.add(MAX_OWNERS - 1, Uint32Array.of(7, 0xffffffff));
    expect(ownersOf(postings, 7)).toEqual([65_536, MAX_OWNERS - 1]);
    expect(ownersOf(postings, 0xffffffff)).toEqual([MAX_OWNERS - 1]);
    expect(() => postings.add(MAX_OWNERS, Uint32Array.of(1))).toThrow(RangeError);
  });

  it('renumber owners in place, dropping those renumbered to -1, as if built without them (property)', () => {
    fc.assert(
      fc.property(
        owners,
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        (lists, keep) => {
          const postings = added(lists);
          const renumber = new Int32Array(lists.length).fill(-1);
          let next = 0;
          lists.forEach((_, owner) => {
            if (keep[owner]) renumber[owner] = next++;
          });
          postings.renumber(renumber);
          const expected = built(lists.filter((_, owner) => keep[owner]));
          expect(Array.from(postings.pairs())).toEqual(Array.from(expected.pairs()));
          // And take more owners after that.
          postings.add(next, Uint32Array.of(5));
          expect(ownersOf(postings, 5).at(-1)).toBe(next);
        },
      ),
    );
  });
});
