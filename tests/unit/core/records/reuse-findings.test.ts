import { describe, expect, it } from 'vitest';
import {
  findingsOfReport,
  isSameFinding,
  MAX_PAGE_TITLE,
} from '../../../../utils/core/records/reuse-findings';
import type { PageReport, ReusedArticle } from '../../../../utils/core/republication/report';

const ARTICLE: ReusedArticle = {
  url: 'https://caliber.az/en/post/story',
  publisherId: 'caliber',
  title: 'The story',
  siteName: 'Caliber.az',
  publishedAt: null,
  language: 'en',
  requiredLink: 'site',
  placement: 'end',
  passages: [{ start: 0, end: 40, quote: 'Special Envoy Steve Witkoff' }],
  coverage: 0.42,
  linkStatus: 'site',
  compliant: true,
};

function report(url: string, articles: ReusedArticle[] = [ARTICLE]): PageReport {
  return { url, checkedAt: 7_000, articles };
}

describe('findings of a page check', () => {
  it('one per reused article: the page, the article, its link, how much and when', () => {
    const other = { ...ARTICLE, url: 'https://vesti.test/news/1', title: null, coverage: 0.1 };
    expect(
      findingsOfReport(report('https://blog.example/post#comments', [ARTICLE, other]), 'A blog'),
    ).toEqual([
      {
        pageUrl: 'https://blog.example/post',
        pageTitle: 'A blog',
        articleUrl: ARTICLE.url,
        articleTitle: 'The story',
        linkStatus: 'site',
        compliant: true,
        reusedShare: 0.42,
        foundAt: 7_000,
      },
      expect.objectContaining({ articleUrl: other.url, articleTitle: null, reusedShare: 0.1 }),
    ]);
  });

  it('nothing for a page that reuses nothing, or that is no web page', () => {
    expect(findingsOfReport(report('https://blog.example/', []), 'x')).toEqual([]);
    for (const url of ['file:///home/me/notes.html', 'about:blank', 'not a url']) {
      expect(findingsOfReport(report(url), 'x'), url).toEqual([]);
    }
    expect(findingsOfReport(report(`https://blog.example/${'a'.repeat(3_000)}`), 'x')).toEqual([]);
  });

  it('keeps a page title on one line, bounded', () => {
    const [finding] = findingsOfReport(
      report('https://blog.example/'),
      `  Breaking:\n\t${'news '.repeat(200)}`,
    );
    expect(finding!.pageTitle.startsWith('Breaking: news news')).toBe(true);
    expect(finding!.pageTitle).toHaveLength(MAX_PAGE_TITLE);
  });

  it('counts the same page under another scheme, www. or trailing slash as the same', () => {
    const a = { pageUrl: 'https://www.blog.example/post/', articleUrl: ARTICLE.url };
    expect(isSameFinding(a, { ...a, pageUrl: 'http://blog.example/post' })).toBe(true);
    expect(isSameFinding(a, { ...a, pageUrl: 'https://blog.example/post?page=2' })).toBe(false);
    expect(isSameFinding(a, { ...a, articleUrl: 'https://caliber.az/en/post/other' })).toBe(false);
  });
});
