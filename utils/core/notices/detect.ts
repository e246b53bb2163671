/**
 * detectReuseNotice: what a page says about reusing its text, from its licence markup or
 * the notice in its footer. Runs at copy time or when the popup opens, never at page load;
 * it reads only the page's tail regions and at most MAX_CHARS_PER_REGION of each.
 *
 * Precedence: a Creative Commons / schema.org licence (unambiguous), then a notice sentence,
 * then "reprint forbidden". A public-domain mark means no credit is asked: no finding.
 */
import { siteHost, parseHttpUrl } from '../url';
import type { ReuseFinding } from '../rules/types';
import { licenceRule, readPageLicence } from './licence';
import { readNoticeSentence, splitSentences } from './read-notice';
import { articleTail, noticeRegions } from './regions';
import { visibleLines, type VisibilityCheck } from './visible-text';

export interface DetectOptions {
  /** The page URL: its host stands in when a notice names no site. */
  url?: string | URL;
  /**
   * A real visibility check from a page runtime (core cannot compute style). Without it,
   * only markup says what is hidden (see visible-text.ts).
   */
  isVisible?: VisibilityCheck;
}

const MAX_CHARS_PER_REGION = 6_000;
const MAX_REGIONS = 8;

/** The notice in the page's footer-like regions, or the reprint ban, or null. */
function readNotice(
  regions: readonly Element[],
  pageHost: string | null,
  isVisible?: VisibilityCheck,
): ReuseFinding | null {
  let forbidden: string | null = null;
  for (const region of regions) {
    for (const line of visibleLines(region, MAX_CHARS_PER_REGION, isVisible)) {
      const sentences = splitSentences(line);
      // Single sentences first; then pairs, for "Reprinting is allowed. A hyperlink is required."
      const pairs = sentences.slice(1).map((next, i) => `${sentences[i] ?? ''} ${next}`);
      for (const text of [...sentences, ...pairs]) {
        const reading = readNoticeSentence(text, pageHost);
        if (reading?.kind === 'rule') {
          return { kind: 'rule', rule: { ...reading.rule, source: 'notice' } };
        }
        if (reading?.kind === 'reprint-forbidden') forbidden ??= text;
      }
    }
  }
  return forbidden === null ? null : { kind: 'reprint-forbidden', quote: forbidden };
}

export function detectReuseNotice(doc: Document, options: DetectOptions = {}): ReuseFinding | null {
  const url = options.url === undefined ? null : parseHttpUrl(options.url);
  const pageHost = url ? siteHost(url.hostname) : null;
  const { article, regions } = noticeRegions(doc);
  const read = regions.slice(0, MAX_REGIONS);
  const licence = readPageLicence(
    doc,
    { head: doc.head, article, blocks: [...articleTail(article), ...read] },
    options.isVisible,
  );
  if (licence?.kind === 'public-domain') return null;
  if (licence?.kind === 'licence') return { kind: 'rule', rule: licenceRule(licence, pageHost) };
  return readNotice(read, pageHost, options.isVisible);
}
