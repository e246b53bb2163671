/**
 * What Linkback reads back from storage is checked here before anything uses it: another
 * version, a damaged profile, an extension with storage access or a hand-edited value may
 * have left anything under its keys. Each reader keeps what it can read, drops what it
 * cannot, and counts what it dropped so that the user can be told. Browser-free.
 */
import {
  fromStoredPasteIndex,
  type PasteIndexSnapshot,
  type PasteSource,
} from '../paste-index/snapshot';
import type { CopyRecord, PasteRecord, ReuseFinding } from './records';
import type { LinkStatus } from '../republication/report';
import { MAX_PAGE_TITLE } from './reuse-findings';
import { toHttpUrl } from '../url';
import { isHostName } from '../rules/site-choice';

/** A value read back: what could be kept, and how many entries (or fields) were not. */
export interface Repaired<T> {
  value: T;
  dropped: number;
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 8.64e15;
const textOrNull = (value: unknown, max = 1_000): string | null =>
  isText(value) ? value.slice(0, max) : null;

/** Keeps the entries `read` can make sense of, in order. */
function readList<T>(value: unknown, read: (entry: unknown) => T | null): Repaired<T[]> {
  if (!Array.isArray(value)) return { value: [], dropped: value == null ? 0 : 1 };
  const kept: T[] = [];
  for (const entry of value) {
    const readable = read(entry);
    if (readable) kept.push(readable);
  }
  return { value: kept, dropped: value.length - kept.length };
}

function readCopyRecord(entry: unknown): CopyRecord | null {
  if (!isObject(entry)) return null;
  const articleUrl = isText(entry.articleUrl) ? toHttpUrl(entry.articleUrl) : null;
  if (!isText(entry.id) || !articleUrl || !isTime(entry.copiedAt) || !isText(entry.text)) {
    return null;
  }
  return {
    id: entry.id,
    articleUrl,
    title: textOrNull(entry.title),
    publisherId: textOrNull(entry.publisherId, 100),
    siteName: textOrNull(entry.siteName, 200),
    language: textOrNull(entry.language, 35),
    copiedAt: entry.copiedAt,
    text: entry.text,
    textLength: isTime(entry.textLength) ? entry.textLength : entry.text.length,
    attributed: entry.attributed === true,
    ...(isText(entry.linkUrl) && toHttpUrl(entry.linkUrl)
      ? { linkUrl: toHttpUrl(entry.linkUrl) as string }
      : {}),
    ...(entry.placement === 'start' || entry.placement === 'end'
      ? { placement: entry.placement }
      : {}),
  };
}

function readPasteRecord(entry: unknown): PasteRecord | null {
  if (!isObject(entry)) return null;
  const articleUrl = isText(entry.articleUrl) ? toHttpUrl(entry.articleUrl) : null;
  if (!isText(entry.id) || !articleUrl || !isTime(entry.pastedAt)) return null;
  return {
    id: entry.id,
    articleUrl,
    title: textOrNull(entry.title),
    destinationOrigin: textOrNull(entry.destinationOrigin, 500) ?? '',
    destinationTitle: textOrNull(entry.destinationTitle, 200) ?? '',
    pastedAt: entry.pastedAt,
    added: entry.added === true,
    ...(entry.undone === true ? { undone: true as const } : {}),
  };
}

const LINK_STATUSES: readonly unknown[] = ['article', 'site', 'none'] satisfies LinkStatus[];

function readReuseFinding(entry: unknown): ReuseFinding | null {
  if (!isObject(entry)) return null;
  const pageUrl = isText(entry.pageUrl) ? toHttpUrl(entry.pageUrl) : null;
  const articleUrl = isText(entry.articleUrl) ? toHttpUrl(entry.articleUrl) : null;
  const share = entry.reusedShare;
  if (
    !isText(entry.id) ||
    !pageUrl ||
    !articleUrl ||
    !isTime(entry.foundAt) ||
    !LINK_STATUSES.includes(entry.linkStatus) ||
    typeof share !== 'number' ||
    !(share >= 0 && share <= 1)
  ) {
    return null;
  }
  return {
    id: entry.id,
    pageUrl,
    pageTitle: textOrNull(entry.pageTitle, MAX_PAGE_TITLE) ?? '',
    articleUrl,
    articleTitle: textOrNull(entry.articleTitle),
    linkStatus: entry.linkStatus as LinkStatus,
    compliant: entry.compliant === true,
    reusedShare: share,
    foundAt: entry.foundAt,
  };
}

export const checkCopyRecords = (value: unknown): Repaired<CopyRecord[]> =>
  readList(value, readCopyRecord);

export const checkPasteRecords = (value: unknown): Repaired<PasteRecord[]> =>
  readList(value, readPasteRecord);

export const checkReuseFindings = (value: unknown): Repaired<ReuseFinding[]> =>
  readList(value, readReuseFinding);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function readPasteSource(entry: unknown): PasteSource | null {
  if (!isObject(entry)) return null;
  const url = isText(entry.url) ? toHttpUrl(entry.url) : null;
  const hosts = Array.isArray(entry.hosts) && entry.hosts.every(isText) ? entry.hosts : null;
  const placement =
    entry.placement === 'start' ? 'start' : entry.placement === 'end' ? 'end' : null;
  if (!url || !hosts || !placement || !isTime(entry.lastCopiedAt)) return null;
  return {
    url,
    language: textOrNull(entry.language, 35),
    placement,
    hosts,
    lastCopiedAt: entry.lastCopiedAt,
    ...(entry.readOnly === true ? { readOnly: true as const } : {}),
  };
}

/**
 * The paste index whole or not at all: its pairs point into its list of sources, so a
 * damaged one cannot be half kept. Null means "rebuild it from the copy records".
 */
/** The index as stored (its sources one JSON string, or objects as before: snapshot.ts), checked. */
export function checkPasteIndex(stored: unknown): PasteIndexSnapshot | null {
  const value = fromStoredPasteIndex(stored);
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.sources)) return null;
  const sources = value.sources.map(readPasteSource);
  if (sources.some((source) => !source)) return null;
  for (const pairs of [value.shingles, value.exact]) {
    // Whole [hash, source] pairs of 8 bytes: 4 base64 characters per 3 bytes.
    if (!isText(pairs) || !BASE64.test(pairs) || pairs.length % 4 !== 0) return null;
  }
  return {
    version: 1,
    sources: sources as PasteSource[],
    shingles: value.shingles as string,
    exact: value.exact as string,
  };
}

/** Host names as stored (see isHostName); anything else is dropped. */
export function checkHostList(stored: unknown): Repaired<string[]> {
  return readList(stored, (entry) =>
    typeof entry === 'string' && isHostName(entry) ? entry : null,
  );
}
