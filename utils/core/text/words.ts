/** Words in any script: runs of letters or digits, with inner apostrophes and hyphens. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * True once `text` has `minimum` words, without counting the rest (a 20 kB paste stops
 * early): the shortest copy or paste that gets a link (Settings.minWords).
 */
export function hasAtLeastWords(text: string, minimum: number): boolean {
  if (minimum <= 0) return true;
  const words = new RegExp(WORD.source, WORD.flags);
  let found = 0;
  while (words.exec(text)) if (++found >= minimum) return true;
  return false;
}
