/**
 * The paste index's sorted index: [hash, owner] pairs of uint32 in one flat array, sorted
 * by hash and then owner, where the owner is a position in the index's list of copied
 * articles. Merging new pairs in is one pass, renumbering owners is one pass, and a look-up
 * is a bisection: no Map or Set of a hundred thousand entries, in memory or in storage.
 * (The article index, a hundred times bigger, packs each pair in 4 bytes instead of 8:
 * bucketed-postings.ts.)
 */

function comparePairs(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  return a[i]! - b[j]! || a[i + 1]! - b[j + 1]!;
}

/** Sorts a few new pairs by hash, then owner. */
export function sortPairs(pairs: Uint32Array): Uint32Array {
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => 2 * i);
  order.sort((i, j) => comparePairs(pairs, i, pairs, j));
  const sorted = new Uint32Array(pairs.length);
  order.forEach((from, k) => sorted.set(pairs.subarray(from, from + 2), 2 * k));
  return sorted;
}

/**
 * Merges sorted pairs into the sorted index in one pass (a copy adds a few dozen pairs to
 * a hundred thousand: no full re-sort). The same fingerprint of the same owner is kept once.
 */
export function mergePairs(old: Uint32Array, added: Uint32Array): Uint32Array {
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
  return n === out.length ? out : out.slice(0, n);
}

/**
 * The pairs with each owner renumbered to `renumber[owner]`, and those of owners renumbered
 * to -1 dropped: what removing owners from the index's list does to its pairs. They stay
 * sorted by hash; by owner within a hash only if the renumbering keeps the owners' order.
 */
export function renumberOwners(pairs: Uint32Array, renumber: Int32Array): Uint32Array {
  const out = new Uint32Array(pairs.length);
  let n = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const to = renumber[pairs[i + 1]!]!;
    if (to < 0) continue;
    out[n++] = pairs[i]!;
    out[n++] = to;
  }
  return out.slice(0, n);
}

/**
 * Bisection: the first entry at or after `from` whose hash is not below `hash`, in hashes
 * sorted ascending. `stride` 2 searches the hashes of a pairs array (the result counts
 * pairs); 1, a plain array of hashes.
 */
export function lowerBound(hashes: Uint32Array, hash: number, from = 0, stride = 1): number {
  let lo = from;
  let hi = hashes.length / stride;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes[mid * stride]! < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
