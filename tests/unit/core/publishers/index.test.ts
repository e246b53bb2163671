import { describe, expect, it } from 'vitest';
import { caliberRule } from '../../../../utils/core/publishers/caliber';
import { findPublisherRule, publisherRules } from '../../../../utils/core/publishers/index';
import type { PublisherRule } from '../../../../utils/core/publishers/types';

describe('publisherRules', () => {
  it('ships Caliber.az', () => {
    expect(publisherRules).toContain(caliberRule);
  });

  it('has unique ids and hosts, all lower case', () => {
    const ids = publisherRules.map((rule) => rule.id);
    const hosts = publisherRules.flatMap((rule) => rule.hosts);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const host of hosts) expect(host).toBe(host.toLowerCase());
  });
});

describe('findPublisherRule', () => {
  it.each([
    ['https://caliber.az/en/post/x'],
    ['http://caliber.az/'],
    ['https://www.caliber.az/category/world'],
    ['https://CALIBER.az/post/x'],
    ['https://caliber.az./post/x'],
    [new URL('https://caliber.az/az/post/x')],
  ])('finds Caliber for %s', (url) => {
    expect(findPublisherRule(url)).toBe(caliberRule);
  });

  it.each([
    ['https://example.com/'],
    ['https://m.caliber.az/'],
    ['https://caliber.az.evil.example/'],
    ['https://evilcaliber.az/'],
    ['file:///caliber.az/post/x'],
    ['ftp://caliber.az/post/x'],
    ['javascript:alert(1)'],
    ['about:blank'],
    ['caliber.az/post/x'],
    [''],
    ['http://'],
  ])('finds nothing for %s', (url) => {
    expect(findPublisherRule(url)).toBeNull();
  });

  it('never throws on bad input', () => {
    const bad = [undefined, null, 42, {}, 'http://[::1'] as unknown as string[];
    for (const url of bad) expect(() => findPublisherRule(url)).not.toThrow();
  });

  it('searches the rules it is given', () => {
    const custom: PublisherRule = { ...caliberRule, id: 'other', hosts: ['news.example'] };
    expect(findPublisherRule('https://news.example/a', [custom])).toBe(custom);
    expect(findPublisherRule('https://caliber.az/', [custom])).toBeNull();
  });
});

describe('article pages of the built-in rules', () => {
  /** What the article script decides (page/article/article-page.ts): a rule, and its article path. */
  const isArticlePage = (url: string) =>
    findPublisherRule(url)?.isArticleUrl(new URL(url)) ?? false;

  it.each([
    [
      'https://caliber.az/en/post/cnn-trump-sends-unconventional-negotiating-team-to-moscow-for-peace-talks',
      true,
    ],
    ['http://caliber.az/post/slug', true],
    ['https://caliber.az/az/post/slug', true],
    ['https://caliber.az/', false],
    ['https://caliber.az/en/category/world', false],
    ['https://example.com/en/post/slug', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isArticlePage(url)).toBe(expected);
  });
});
