/**
 * A title as the article's headline: without the site's name around it ("Story | Site",
 * "Site: Story", "Story_Site"), and not a section's or the site's name standing in for it.
 */
import { foldForComparison, isSiteName, type SiteNameKeys } from './site-name';

/** " | ", " – ", " — ", " - ", " · ", " :: ", ": ", "_" between a headline and a site name. */
const TITLE_SEPARATOR = /\s*::\s*|\s*[|–—·_«»]\s*|\s+-\s+|:\s+/g;

/** Titles do not wrap the site name more than this ("Story | Section | Site" is two). */
const MAX_AFFIXES = 3;

function stripOneAffix(title: string, keys: SiteNameKeys): string {
  const separators = [...title.matchAll(TITLE_SEPARATOR)];
  const last = separators.at(-1);
  if (last?.index) {
    const head = title.slice(0, last.index).trim();
    const tail = title.slice(last.index + last[0].length);
    if (head.length > 0 && isSiteName(tail, keys)) return head;
  }
  const first = separators[0];
  if (first?.index) {
    const head = title.slice(0, first.index);
    const rest = title.slice(first.index + first[0].length).trim();
    if (rest.length > 0 && isSiteName(head, keys)) return rest;
  }
  return title;
}

/**
 * "Headline | Caliber.Az" → "Headline", "Новости Сибири: Морозы…" → "Морозы…": a part
 * before the first or after the last separator goes when it is the site's name (see
 * site-name.ts). A title that is only the site's name stays as it is.
 */
export function stripSiteAffixes(title: string, keys: SiteNameKeys): string {
  let current = title;
  for (let i = 0; i < MAX_AFFIXES; i++) {
    const next = stripOneAffix(current, keys);
    if (next === current) break;
    current = next;
  }
  return current;
}

export interface TitleEvidence {
  siteKeys: SiteNameKeys;
  /** The article's h1 (findHeadline), cleaned. */
  headline: string | null;
  /** The document <title>, cleaned and stripped of the site's name. */
  documentTitle: string | null;
}

/**
 * True for an og:title (or another metadata title) that names the site or a section
 * rather than the article: the site's own name, or a label under half the headline's
 * length while the page's <title> carries the headline ("Politics" on a page whose h1
 * and <title> say "Senate passes budget…").
 */
export function isSiteOrSectionTitle(title: string, evidence: TitleEvidence): boolean {
  if (isSiteName(title, evidence.siteKeys)) return true;
  const { headline, documentTitle } = evidence;
  if (!headline || !documentTitle) return false;
  const folded = foldForComparison(title);
  const foldedHeadline = foldForComparison(headline);
  return (
    folded.length * 2 < foldedHeadline.length &&
    foldForComparison(documentTitle).includes(foldedHeadline)
  );
}
