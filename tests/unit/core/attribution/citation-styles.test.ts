import { describe, expect, it } from 'vitest';
import {
  formatStyledCitation,
  type CitedArticle,
} from '../../../../utils/core/attribution/citation-styles';

const ARTICLE: CitedArticle = {
  url: 'https://openpress.example/news/cranes',
  title: 'Port authority approves night shifts for container cranes',
  authors: ['Margaret Ellison'],
  siteName: 'Open Harbour Press',
  publishedAt: '2025-03-04T23:30:00-05:00',
};
const accessed = new Date(2026, 10, 27, 12);

describe('citations of a news article', () => {
  it('APA 7: author, date, title, site, URL (the publisher’s own day, not shifted)', () => {
    expect(formatStyledCitation(ARTICLE, 'apa', { accessed })).toBe(
      'Ellison, M. (2025, March 4). Port authority approves night shifts for container cranes. Open Harbour Press. https://openpress.example/news/cranes',
    );
  });

  it('MLA 9: inverted first author, quoted title, abbreviated month, access date', () => {
    expect(formatStyledCitation(ARTICLE, 'mla', { accessed })).toBe(
      'Ellison, Margaret. “Port authority approves night shifts for container cranes.” Open Harbour Press, 4 Mar. 2025, https://openpress.example/news/cranes. Accessed 27 Nov. 2026.',
    );
  });

  it('Chicago 17: bibliography entry', () => {
    expect(formatStyledCitation(ARTICLE, 'chicago', { accessed })).toBe(
      'Ellison, Margaret. “Port authority approves night shifts for container cranes.” Open Harbour Press, March 4, 2025. https://openpress.example/news/cranes.',
    );
  });

  it('lists co-authors as each style does', () => {
    const three = { ...ARTICLE, authors: ['Anna Smirnova', 'Ivan Petrov', 'Leyla Aliyeva'] };
    expect(formatStyledCitation(three, 'apa', { accessed })).toMatch(
      /^Smirnova, A., Petrov, I., & Aliyeva, L\. \(2025/,
    );
    expect(formatStyledCitation(three, 'mla', { accessed })).toMatch(/^Smirnova, Anna, et al\. “/);
    expect(formatStyledCitation(three, 'chicago', { accessed })).toMatch(
      /^Smirnova, Anna, Ivan Petrov, and Leyla Aliyeva\. “/,
    );
  });

  it('does without an author or a date, as the styles say', () => {
    const bare = { ...ARTICLE, authors: [], publishedAt: null };
    expect(formatStyledCitation(bare, 'apa', { accessed })).toBe(
      'Port authority approves night shifts for container cranes. (n.d.). Open Harbour Press. https://openpress.example/news/cranes',
    );
    expect(formatStyledCitation(bare, 'chicago', { accessed })).toContain(
      'Open Harbour Press, Accessed November 27, 2026.',
    );
  });

  it('writes dates as the interface language does', () => {
    expect(formatStyledCitation(ARTICLE, 'mla', { accessed, locale: 'ru' })).toContain(
      '4 марта 2025',
    );
  });

  it('cites only http(s) addresses', () => {
    expect(() =>
      formatStyledCitation({ ...ARTICLE, url: 'javascript:alert(1)' }, 'apa', { accessed }),
    ).toThrow();
  });
});
