import { describe, expect, it } from 'vitest';
import {
  appendAttribution,
  attributionLabel,
  defaultAttribution,
  formatCitation,
  formatHtmlAttribution,
  formatPlainAttribution,
  type AttributionSource,
} from '../../../../utils/core/attribution/format';

const ARTICLE: AttributionSource = {
  url: 'https://caliber.az/en/post/cnn-trump-sends-unconventional-negotiating-team-to-moscow-for-peace-talks',
  title: 'CNN: Trump sends “unconventional negotiating team” to Moscow for peace talks',
  siteName: 'Caliber.az',
  language: 'en',
};

describe('attributionLabel', () => {
  it.each([
    ['en', 'Source'],
    ['ru', 'Источник'],
    ['ru-RU', 'Источник'],
    ['az', 'Mənbə'],
    ['AZ_Latn', 'Mənbə'],
    ['de', 'Source'],
    [null, 'Source'],
  ])('%s → %s', (language, label) => {
    expect(attributionLabel(language)).toBe(label);
  });
});

describe('appendAttribution', () => {
  const payload = {
    plain: 'First paragraph.\n\nSecond paragraph.\n',
    html: '<p>First <b>paragraph</b>.</p>',
  };

  it('writes the URL out in plain text, on its own line after a blank line', () => {
    const out = appendAttribution(payload, defaultAttribution(ARTICLE));
    expect(out.plain).toBe(`First paragraph.\n\nSecond paragraph.\n\nSource: ${ARTICLE.url}`);
  });

  it('appends a paragraph with a real link whose text is the URL, which survives flattening', () => {
    const out = appendAttribution(payload, defaultAttribution(ARTICLE));
    const doc = new DOMParser().parseFromString(out.html, 'text/html');
    const links = doc.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe(ARTICLE.url);
    expect(links[0]!.textContent).toBe(ARTICLE.url);
    expect(doc.body.lastElementChild!.textContent).toMatch(/^Source: /);
    expect(doc.querySelector('b')!.textContent).toBe('paragraph');
  });

  it('puts the link first when the publisher asks for it at the start', () => {
    const out = appendAttribution(
      payload,
      defaultAttribution({ ...ARTICLE, language: 'ru' }),
      'start',
    );
    expect(out.plain.startsWith(`Источник: ${ARTICLE.url}\n\nFirst paragraph.`)).toBe(true);
    expect(out.html.startsWith('<p data-linkback="attribution">Источник: <a')).toBe(true);
  });

  it('escapes page-supplied URLs instead of injecting markup', () => {
    const url = 'https://caliber.az/en/post/x?a="><img src=x onerror=alert(1)>';
    const doc = new DOMParser().parseFromString(
      formatHtmlAttribution({ ...ARTICLE, url }),
      'text/html',
    );
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelectorAll('a')).toHaveLength(1);
    expect(doc.querySelector('a')!.getAttribute('href')).toBe(new URL(url).href);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://caliber.az/x', 'not a url'])(
    'refuses to link to %s',
    (url) => {
      expect(() => formatPlainAttribution({ ...ARTICLE, url })).toThrow(/non-http/);
      expect(() => defaultAttribution({ ...ARTICLE, url })).toThrow();
    },
  );
});

describe('formatCitation', () => {
  it('formats plain, HTML and Markdown citations', () => {
    expect(formatCitation(ARTICLE, 'plain')).toBe(`${ARTICLE.title} — Caliber.az. ${ARTICLE.url}`);
    expect(formatCitation(ARTICLE, 'html')).toBe(
      `<a href="${ARTICLE.url}">CNN: Trump sends “unconventional negotiating team” to Moscow for peace talks</a> — Caliber.az`,
    );
    expect(formatCitation({ ...ARTICLE, title: 'A [bracketed] title' }, 'markdown')).toBe(
      `[A \\[bracketed\\] title](<${ARTICLE.url}>) — Caliber.az`,
    );
  });
});

describe('a label and a licence credit', () => {
  it('puts the user’s own label before the link in both flavours', () => {
    const source = { ...ARTICLE, label: 'Via Caliber' };
    expect(formatPlainAttribution(source)).toBe(`Via Caliber: ${ARTICLE.url}`);
    expect(formatHtmlAttribution(source)).toContain(`>Via Caliber: <a href="${ARTICLE.url}">`);
  });

  it('credits a CC BY page by title, author, source and licence (TASL)', () => {
    const source: AttributionSource = {
      ...ARTICLE,
      licence: {
        name: 'CC BY 4.0',
        url: 'https://creativecommons.org/licenses/by/4.0/',
        authors: ['Jane Roe', 'John Doe'],
      },
    };
    expect(formatPlainAttribution(source)).toBe(
      `Source: ${ARTICLE.url} — “${ARTICLE.title}”, Jane Roe, John Doe. ` +
        'License: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
    );
    const html = formatHtmlAttribution(source);
    expect(html).toContain(
      '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>',
    );
    expect(html).toContain('— “CNN: Trump sends “unconventional negotiating team” to Moscow');
  });

  it('names the licence in the article’s language and uses the publisher’s credit text', () => {
    const source: AttributionSource = {
      ...ARTICLE,
      language: 'ru',
      title: 'Заголовок',
      licence: {
        name: 'CC BY-SA 4.0',
        url: 'https://creativecommons.org/licenses/by-sa/4.0/',
        authors: ['Иван Петров'],
        creditText: 'Фото и текст: «Вести»',
      },
    };
    expect(formatPlainAttribution(source)).toBe(
      `Источник: ${ARTICLE.url} — “Заголовок”, Фото и текст: «Вести». ` +
        'Лицензия: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)',
    );
  });

  it('never links a licence URL that is not http(s), and escapes page text in HTML', () => {
    const source: AttributionSource = {
      ...ARTICLE,
      title: '<img src=x onerror=alert(1)>',
      licence: { name: 'CC BY 4.0', url: 'javascript:alert(1)', authors: [] },
    };
    const html = formatHtmlAttribution(source);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(formatPlainAttribution(source)).toMatch(/License: CC BY 4\.0$/);
  });
});
