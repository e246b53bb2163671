/**
 * The metadata extractor against what a hostile or broken page can put in front of it:
 * fuzzed strings in every source it reads (script, javascript:/data: URLs, SVG, RTL
 * overrides, control characters), and pathological sizes (a 5 MB JSON-LD block, JSON-LD
 * nested 10,000 deep, a 1 MB title). It must never throw, never keep a URL that is not
 * http(s), and degrade field by field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../../utils/core/metadata/extract';

const PAGE = 'https://news.example/2026/11/story';

const hostile = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '\u202egnp.exe',
    '"><img src=x onerror=alert(1)>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    'https://evil.example/x',
    '\u0000\u0001\u001f',
  ),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function page(fields: string[]): Document {
  const [title, ogTitle, ogUrl, ogImage, author, canonical, ld] = fields.map(attr);
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = `<head>
    <title>${title}</title>
    <meta property="og:title" content="${ogTitle}">
    <meta property="og:url" content="${ogUrl}">
    <meta property="og:image" content="${ogImage}">
    <meta name="author" content="${author}">
    <link rel="canonical" href="${canonical}">
    <script type="application/ld+json">${JSON.stringify({
      '@type': 'NewsArticle',
      headline: fields[0],
      url: fields[6],
      image: fields[3],
      author: { name: fields[4] },
    }).replace(/</g, '\\u003c')}</script>
  </head><body><h1>${ld}</h1><p>Body text.</p></body>`;
  return doc;
}

const isHttp = (value: string) => /^https?:\/\//.test(value);

describe('the metadata extractor on hostile input', () => {
  it('never throws and keeps only http(s) URLs, for any strings in any field', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 7, maxLength: 7 }), (fields) => {
        const metadata = extractMetadata(page(fields), PAGE);
        expect(isHttp(metadata.canonicalUrl)).toBe(true);
        if (metadata.imageUrl !== null) expect(isHttp(metadata.imageUrl)).toBe(true);
        for (const value of [metadata.title, ...metadata.authors]) {
          if (value !== null) expect(typeof value).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('degrades field by field on pathological sizes and depths', () => {
    const doc = document.implementation.createHTMLDocument('');
    // Written out: JSON.stringify itself would overflow the stack at this depth.
    const nested =
      '{"@graph":['.repeat(10_000) +
      '{"@type":"NewsArticle","headline":"Deep"}' +
      ']}'.repeat(10_000);
    const huge = {
      '@type': 'NewsArticle',
      headline: 'Huge',
      articleBody: 'x'.repeat(5 * 1024 * 1024),
    };
    doc.documentElement.innerHTML = `<head>
      <title>${'T'.repeat(1024 * 1024)}</title>
      <meta name="author" content="Sabina Mammadli">
      <script type="application/ld+json">${nested}</script>
      <script type="application/ld+json">${JSON.stringify(huge)}</script>
      <script type="application/ld+json">{ broken json</script>
    </head><body><h1>Headline</h1></body>`;
    const metadata = extractMetadata(doc, PAGE);
    expect(metadata.authors).toEqual(['Sabina Mammadli']);
    expect(metadata.canonicalUrl).toBe(PAGE);
    expect(typeof metadata.title).toBe('string');
  });
});
