/**
 * A link to the very passage copied: the article's URL with a text fragment
 * (`#:~:text=start,end`, WICG Scroll-to-Text-Fragment), which browsers that support it scroll
 * to and highlight, and others ignore. A long passage is named by its first and last words,
 * as the spec's start,end form allows, so the URL stays short.
 */
import { toHttpUrl } from '../url';

/** Words at each end of a long passage: enough to be unique on an article page. */
const EDGE_WORDS = 4;
/** A passage up to this many words is quoted whole. */
const WHOLE_WORDS = 8;

/** Percent-encodes a fragment term: also "-", "," and "&", which the syntax reserves. */
function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** `url` with a text fragment for `passage`; the URL unchanged when it cannot have one. */
export function withTextFragment(url: string, passage: string): string {
  const base = toHttpUrl(url);
  // Attribution labels, links and line breaks are not the article's words.
  const words = passage.split(/\s+/).filter(Boolean);
  if (!base || words.length === 0) return url;
  const address = base.replace(/#.*$/, '');
  const fragment =
    words.length <= WHOLE_WORDS
      ? encodeTerm(words.join(' '))
      : `${encodeTerm(words.slice(0, EDGE_WORDS).join(' '))},${encodeTerm(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${address}#:~:text=${fragment}`;
}
