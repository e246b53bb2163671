/**
 * Reads one notice sentence into a rule: is it a notice at all, who it names, what the link
 * must point to, where it goes and whether it must be clickable. Pure string work; the DOM
 * side (which text is read) is in regions.ts and visible-text.ts.
 */
import { normaliseHost } from '../url';
import type { LinkTarget, ReuseRule, RulePlacement } from '../rules/types';
import {
  ACTIVE_LINK,
  LINK,
  OBLIGATION,
  OFF_TOPIC,
  PLACEMENT_END,
  PLACEMENT_START,
  REPRINT_FORBIDDEN,
  REUSE,
  TO_ARTICLE,
  TO_SITE,
} from './wordings';

/** A notice is a sentence or two; a longer passage is prose discussing the subject. */
export const MAX_NOTICE_CHARS = 360;

/** How far around the link word its object is looked for ("…link to X", "X saytına link"). */
const OBJECT_BEFORE = 80;
const OBJECT_AFTER = 100;

/** "Caliber.az", "www.report.az", "https://tengrinews.kz", "сайт.рф" as written in text. */
const DOMAIN =
  /(?:https?:\/\/)?(?:www\.)?((?:[\p{L}\d](?:[\p{L}\d-]*[\p{L}\d])?\.)+(?:[a-z]{2,12}|рф|укр|қаз))(?![\p{L}\d-])/iu;

/** A name in quotes: «Report», “Kyiv Post”, "Trend", „Новини“. */
const QUOTED_NAME = /[«“"„]([^«»“”"„]{2,60})[»”"“]/u;

export type SentenceReading =
  { kind: 'rule'; rule: Omit<ReuseRule, 'source'> } | { kind: 'reprint-forbidden' } | null;

function linkTarget(object: string, namesDomain: boolean): LinkTarget {
  if (TO_ARTICLE.test(object)) return 'article';
  if (namesDomain || TO_SITE.test(object)) return 'site';
  // Unclear: a link to the article satisfies either reading.
  return 'article';
}

function placement(text: string): RulePlacement {
  if (PLACEMENT_START.test(text)) return 'start';
  if (PLACEMENT_END.test(text)) return 'end';
  return 'any';
}

/**
 * What one sentence (or two joined) says about reuse. `pageHost` fills the host when the
 * notice names the publisher by brand or not at all ("…hyperlink is mandatory").
 */
export function readNoticeSentence(sentence: string, pageHost: string | null): SentenceReading {
  if (sentence.length > MAX_NOTICE_CHARS || OFF_TOPIC.test(sentence)) return null;
  const link = LINK.exec(sentence);
  if (link && REUSE.test(sentence) && OBLIGATION.test(sentence)) {
    const object = sentence.slice(
      Math.max(0, link.index - OBJECT_BEFORE),
      link.index + link[0].length + OBJECT_AFTER,
    );
    const domainInObject = DOMAIN.exec(object);
    const domain = domainInObject ?? DOMAIN.exec(sentence);
    const quoted = QUOTED_NAME.exec(object);
    const host = domain?.[1] ? normaliseHost(domain[1]) : pageHost;
    const name =
      quoted?.[1]?.trim() ?? domain?.[0].replace(/^(?:https?:\/\/)?(?:www\.)?/i, '') ?? null;
    return {
      kind: 'rule',
      rule: {
        publisher: { name, hosts: host ? [host] : [] },
        linkTo: linkTarget(object, domainInObject !== null),
        placement: placement(sentence),
        activeLink: ACTIVE_LINK.test(sentence),
        label: name,
        quote: sentence,
      },
    };
  }
  if (!link && REPRINT_FORBIDDEN.test(sentence)) return { kind: 'reprint-forbidden' };
  return null;
}

/** Sentence ends: ". " before a capital, «, ©, a digit or a quote; "Caliber.az" is not one. */
const SENTENCE_END = /(?<=[.!?…])\s+(?=[\p{Lu}«"“©\d])/u;

export function splitSentences(line: string): string[] {
  return line.split(SENTENCE_END);
}
