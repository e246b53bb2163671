/**
 * What the history keeps of a republication check: for each read article a page reuses, a
 * finding (the page, the article, whether the page links back, how much it reuses). A page
 * checked again finds the same things again: one entry per page and article is kept, the
 * latest. Browser-free.
 */
import type { PageReport } from '../republication/report';
import { MAX_URL_LENGTH, parseHttpUrl, urlIdentity, withoutFragment } from '../url';
import type { NewReuseFinding, ReuseFinding } from './records';

/** A page's title as a finding keeps it: enough to recognise it, bounded for hostile pages. */
export const MAX_PAGE_TITLE = 300;

/**
 * The findings of one page's report. Only http(s) pages are kept: the history links to the
 * page, and a local file or a browser page is no publication. `pageTitle` is the page's own
 * (document.title), which the report does not carry.
 */
export function findingsOfReport(report: PageReport, pageTitle: string): NewReuseFinding[] {
  const page = report.url.length <= MAX_URL_LENGTH ? parseHttpUrl(report.url) : null;
  if (!page) return [];
  const pageUrl = withoutFragment(page);
  const title = pageTitle.replace(/\s+/g, ' ').trim().slice(0, MAX_PAGE_TITLE);
  return report.articles.map((article) => ({
    pageUrl,
    pageTitle: title,
    articleUrl: article.url,
    articleTitle: article.title,
    linkStatus: article.linkStatus,
    compliant: article.compliant,
    reusedShare: article.coverage,
    foundAt: report.checkedAt,
  }));
}

/**
 * The same page reusing the same article: two addresses of the page that differ only in
 * scheme, `www.` or a trailing slash are one page (urlIdentity), as for the page's links.
 */
export function isSameFinding(
  a: Pick<ReuseFinding, 'pageUrl' | 'articleUrl'>,
  b: Pick<ReuseFinding, 'pageUrl' | 'articleUrl'>,
): boolean {
  return (
    urlIdentity(a.pageUrl) === urlIdentity(b.pageUrl) &&
    urlIdentity(a.articleUrl) === urlIdentity(b.articleUrl)
  );
}
