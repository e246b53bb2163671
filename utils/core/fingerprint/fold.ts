/**
 * Character folding for fingerprints, as one lookup table: what matters about reused text
 * is its words, so case, compatibility forms (NFKC), quotes, dashes and spacing must not.
 * Each UTF-16 code unit maps to the code unit it counts as, or to SEPARATOR when it only
 * separates words (spaces, punctuation, quotes, dashes, symbols).
 */
// fingerprint.ts's hashing loop tests these two with arithmetic, not comparisons: it relies
// on SEPARATOR being 0 and IGNORED 0xffff, the one value that carries into bit 16 when 1
// is added (U+FFFF itself folds to SEPARATOR, so no code unit counts as it).
export const SEPARATOR = 0;
/** Table value of code units that vanish without splitting a word (soft hyphen, zero-width, combining marks). */
export const IGNORED = 0xffff;

/** Blocks whose letters are folded through NFKC + lower case; the rest pass through as they are. */
const FOLDED_BLOCKS: [from: number, to: number][] = [
  [0x0000, 0x024f], // ASCII, Latin-1, Latin Extended-A/B (Azerbaijani ə ğ ı ö ü ç ş)
  [0x0250, 0x02ff], // IPA, spacing modifiers (ʼ as an apostrophe)
  [0x0370, 0x052f], // Greek, Cyrillic and its supplement
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2000, 0x2bff], // punctuation, quotes, dashes, symbols, arrows
  [0x3000, 0x303f], // CJK punctuation and the ideographic space
  [0xfb00, 0xfb4f], // ligatures (ﬁ ﬂ)
  [0xfe30, 0xfe6f], // compatibility and small forms
  [0xff00, 0xffef], // fullwidth and halfwidth forms
];

const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;

let table: Uint16Array | null = null;

function foldOne(code: number): number {
  const char = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) return code; // surrogate halves: kept as they are
  // Dotted and dotless i differ between Turkish/Azerbaijani and other orthographies: one letter here.
  if (code === 0x130 || code === 0x131) return 0x69;
  // NFKD, then the base letter only: "é" and "e\u0301" fold alike, and so do ё/е and й/и,
  // which writers swap freely in Russian. Fingerprints only need to agree, not to read well.
  const folded = char.normalize('NFKD').toLowerCase();
  const first = folded.charAt(0);
  if (!LETTER_OR_DIGIT.test(first)) return SEPARATOR;
  // Ligatures unfold to several letters; the first stands for them, the same on both sides.
  return first.charCodeAt(0);
}

/** The table (128 kB) is built once per page, on first use, over the blocks above (about 3 ms). */
export function foldTable(): Uint16Array {
  if (table) return table;
  const built = new Uint16Array(0x10000);
  for (let code = 0; code < built.length; code++) built[code] = code;
  for (const [from, to] of FOLDED_BLOCKS) {
    for (let code = from; code <= to; code++) built[code] = foldOne(code);
  }
  for (let code = 0; code < built.length; code++) if (isIgnorable(code)) built[code] = IGNORED;
  built[0xffff] = SEPARATOR;
  table = built;
  return built;
}

/** Code units that disappear without separating words (soft hyphen, zero-width joiners, combining accents). */
function isIgnorable(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    code === 0xfeff ||
    (code >= 0x300 && code <= 0x36f)
  );
}

/** Folded text, words separated by one space: for tests and debugging, not the hot path. */
export function foldText(text: string): string {
  const fold = foldTable();
  let out = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const folded = fold[text.charCodeAt(i)]!;
    if (folded === IGNORED) continue;
    if (folded === SEPARATOR) {
      inWord = false;
      continue;
    }
    if (!inWord && out) out += ' ';
    out += String.fromCharCode(folded);
    inWord = true;
  }
  return out;
}
