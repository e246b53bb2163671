/**
 * The records Linkback keeps of what the user did and saw: copies of article text, pastes of
 * it elsewhere, and pages found reusing an article the user read. Plain data: the platform
 * stores them, the background writes them, the popup and the history page list them.
 */
import type { LinkStatus } from '../republication/report';

/**
 * Every copy of article text that Linkback attributed (or saw). Later features build on
 * these: paste-time repair matches pasted text against `text`, the history lists them.
 */
export interface CopyRecord {
  id: string;
  /** The article's canonical URL: what the attribution links to. */
  articleUrl: string;
  title: string | null;
  publisherId: string | null;
  siteName: string | null;
  language: string | null;
  /** Epoch milliseconds. */
  copiedAt: number;
  /** The copied plain text, at most MAX_RECORD_TEXT characters. */
  text: string;
  /** Length of the whole copied text, before bounding. */
  textLength: number;
  /** Whether Linkback put the attribution on the clipboard (false: it was already there). */
  attributed: boolean;
  /** Where the attribution links when not to the article itself (a rule that asks for the site). */
  linkUrl?: string;
  /** Where the site's rule puts the link; absent in records made before rules: the publisher's. */
  placement?: 'start' | 'end';
}

/** A paste of article text somewhere else: the history's "where it went". */
export interface PasteRecord {
  id: string;
  articleUrl: string;
  title: string | null;
  /** Origin and title of the page pasted into. */
  destinationOrigin: string;
  destinationTitle: string;
  pastedAt: number;
  /** True when Linkback added the link; false when the paste already had one. */
  added: boolean;
  /** The user took the added link out again (Undo in the paste notice). */
  undone?: true;
}

/**
 * A copy as the content script reports it. The id, when the page gives one, makes a report
 * sent again (the background was stopped before it answered) count once; else the
 * background gives one.
 */
export type NewCopyRecord = Omit<CopyRecord, 'id'> & { id?: string };

/** A paste of article text, as the all-pages content script reports it (id: as for copies). */
export type NewPasteRecord = Omit<PasteRecord, 'id'> & { id?: string };

/**
 * A page found reusing an article the user read (the republication check), as the history
 * keeps it: one entry per page and article, the latest check's.
 */
export interface ReuseFinding {
  id: string;
  /** The page that reuses the article: its address (without a fragment) and title. */
  pageUrl: string;
  pageTitle: string;
  articleUrl: string;
  articleTitle: string | null;
  /** What the page links to: the article, only the publisher's site, or neither. */
  linkStatus: LinkStatus;
  /** The link the page has is what the publisher's rule asks for. */
  compliant: boolean;
  /** Share of the article's fingerprints found on the page, 0–1. */
  reusedShare: number;
  /** Epoch milliseconds of the latest check that found it. */
  foundAt: number;
}

export type NewReuseFinding = Omit<ReuseFinding, 'id'>;

/** Bounds that keep storage well under the 10 MB storage.local quota without unlimitedStorage. */
export const MAX_RECORD_TEXT = 4_000;
export const MAX_COPY_RECORDS = 1_000;
export const MAX_PASTE_RECORDS = 1_000;
/** A finding is a few hundred bytes: 1,000 of them are under 1 MB. */
export const MAX_REUSE_FINDINGS = 1_000;
