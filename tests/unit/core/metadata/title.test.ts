import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../../utils/core/metadata/extract';
import { isSiteName, siteNameKeys } from '../../../../utils/core/metadata/site-name';
import { isSiteOrSectionTitle, stripSiteAffixes } from '../../../../utils/core/metadata/title';
import { parseHtml } from '../../fixtures';

describe('siteNameKeys / isSiteName', () => {
  const keys = siteNameKeys('Xəbərçi', new URL('https://www.xeberci-az.example/x'));
  it.each([
    ['Xəbərçi', true],
    ['XƏBƏRÇİ', true],
    ['XƏBƏRÇİ.AZ', true],
    ['xeberci-az.example', true],
    ['Xeberci.az', true],
    ['Xəbərlər', false],
  ])('%s is the site: %s', (text, expected) => {
    expect(isSiteName(text, keys)).toBe(expected);
  });

  it('ignores a leading "The" and a domain ending', () => {
    const beacon = siteNameKeys('The Daily Beacon', null);
    expect(isSiteName('Daily Beacon', beacon)).toBe(true);
    expect(isSiteName('DailyBeacon.com', beacon)).toBe(true);
  });

  it('knows nothing without a site name or an http(s) page', () => {
    expect(siteNameKeys(null, null).keys.size).toBe(0);
    expect(isSiteName('Anything', siteNameKeys(null, new URL('about:blank')))).toBe(false);
  });
});

describe('stripSiteAffixes', () => {
  const keys = (name: string | null, url = 'https://news.example/a') =>
    siteNameKeys(name, new URL(url));
  it.each([
    ['Story | Site', 'Site', 'Story'],
    ['Story - Site', 'Site', 'Story'],
    ['Story — Site', 'Site', 'Story'],
    ['Story – Site', 'Site', 'Story'],
    ['Story_Site', 'Site', 'Story'],
    ['Story :: Site', 'Site', 'Story'],
    ['Site: Story', 'Site', 'Story'],
    ['Site | Story', 'Site', 'Story'],
    ['Site :: Story', 'Site', 'Story'],
    ['Story | SITE.AZ', 'Site', 'Story'],
    ['Report.az: Story', 'Report', 'Story'],
    ['Story | Politics | Site', 'Site', 'Story | Politics'],
    ['Новости Сибири: Морозы', 'Новости Сибири', 'Морозы'],
    ['CNN: Trump sends envoys', 'Caliber.az', 'CNN: Trump sends envoys'],
    ['Story - with a dash inside', 'Site', 'Story - with a dash inside'],
    ['Site', 'Site', 'Site'],
  ])('%s (site %s) → %s', (title, site, expected) => {
    expect(stripSiteAffixes(title, keys(site))).toBe(expected);
  });

  it('recognises the host when the page names no site', () => {
    expect(stripSiteAffixes('Story | News.example', keys(null))).toBe('Story');
    expect(stripSiteAffixes('Story | NEWS', keys(null))).toBe('Story');
  });
});

describe('isSiteOrSectionTitle', () => {
  const siteKeys = siteNameKeys('The Capital Wire', null);
  const headline = 'Senate passes budget after all-night session';
  it('passes over the site name and a short section label the <title> does not carry', () => {
    const evidence = { siteKeys, headline, documentTitle: `${headline} | Politics` };
    expect(isSiteOrSectionTitle('The Capital Wire', evidence)).toBe(true);
    expect(isSiteOrSectionTitle('Politics', evidence)).toBe(true);
    // An og:title worded otherwise, but of a headline's length, is the article's.
    expect(isSiteOrSectionTitle('Budget passes after a marathon night', evidence)).toBe(false);
  });

  it('keeps a short og:title when the <title> does not confirm the h1', () => {
    const evidence = { siteKeys, headline, documentTitle: 'Budget vote' };
    expect(isSiteOrSectionTitle('Budget vote', evidence)).toBe(false);
    expect(isSiteOrSectionTitle('Budget', { ...evidence, documentTitle: null })).toBe(false);
  });
});

describe('title precedence with the site name', () => {
  const url = 'https://gazette.example/news/story';
  const page = (head: string, body: string) =>
    parseHtml(`<html><head>${head}</head><body>${body}</body></html>`);

  it('takes the h1 when og:title is the site name', () => {
    const metadata = extractMetadata(
      page(
        '<meta property="og:site_name" content="Gazette"><meta property="og:title" content="Gazette"><title>Storm hits coast | Gazette</title>',
        '<main><h1>Storm hits coast</h1><p>Text.</p></main>',
      ),
      url,
    );
    expect(metadata.title).toBe('Storm hits coast');
    expect(metadata.sources.title).toBe('dom');
  });

  it('strips a JSON-LD or og:title of the site name and keeps its source', () => {
    const metadata = extractMetadata(
      page(
        '<meta property="og:site_name" content="Gazette"><meta property="og:title" content="Gazette — Storm hits coast">',
        '',
      ),
      url,
    );
    expect(metadata.title).toBe('Storm hits coast');
    expect(metadata.sources.title).toBe('open-graph');
  });

  it('keeps a home page titled with the site name only (no headline to prefer)', () => {
    const metadata = extractMetadata(page('<title>Gazette</title>', '<h1>Gazette</h1>'), url);
    expect(metadata.title).toBe('Gazette');
  });
});
