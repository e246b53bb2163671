import { describe, expect, it } from 'vitest';
import {
  defaultAttribution,
  type AttributionSource,
} from '../../../../utils/core/attribution/format';
import { hasAttribution } from '../../../../utils/core/attribution/detect';
import {
  checkTemplate,
  DEFAULT_TEMPLATE_TEXT,
  describeTemplateProblem,
  MAX_TEMPLATE_LENGTH,
  renderAttribution,
  renderTemplate,
  plainTemplateLine,
  templateValues,
  type TemplateValues,
} from '../../../../utils/core/attribution/template';

const ARTICLE: AttributionSource = {
  url: 'http://vesti.test/news/2025/terminal-opens',
  title: 'В Каспийске открыли новый терминал',
  siteName: 'Вести Прикаспия',
  authors: ['Анна Смирнова'],
  publishedAt: '2025-04-01T10:15:00+03:00',
  language: 'ru',
};

/** Noon, so that the local day is the 2nd in any zone the tests run in. */
const NOW = new Date(2025, 4, 2, 12, 0, 0);

const VALUES: TemplateValues = {
  title: 'Title',
  url: 'https://example.com/a',
  site: 'Site',
  author: 'Author',
  published: '2025-04-01',
  accessed: '2025-05-02',
  label: 'Source',
};

const plain = (template: string, values: Partial<TemplateValues> = {}) =>
  plainTemplateLine(renderTemplate(template, { ...VALUES, ...values }));

describe('checkTemplate', () => {
  it('accepts a template with {url} and known placeholders', () => {
    expect(checkTemplate('{title} — {site} ({published}), {author}: {url}')).toBeNull();
    expect(checkTemplate(DEFAULT_TEMPLATE_TEXT)).toBeNull();
  });

  it.each([
    ['Source: {title}', "must contain {url}: the publisher's rule requires the link"],
    [
      '{tilte}: {url}',
      'names {tilte}, which is not a placeholder; the known ones are {title}, {url}, {site}, {author}, {published}, {accessed}, {label}',
    ],
    ['{URL}', 'names {URL}, which is not a placeholder'],
    ['Source: {url', 'has a "{" at character 9 that is never closed'],
    ['Source: {{url}}', 'has a "{" at character 9 that is never closed'],
    ['Source} {url}', 'has a "}" at character 7 that closes nothing'],
    ['{url} }', 'has a "}" at character 7 that closes nothing'],
    ['', 'must contain {url}'],
    [
      `{url}${'x'.repeat(MAX_TEMPLATE_LENGTH)}`,
      `is ${MAX_TEMPLATE_LENGTH + 5} characters; at most 500`,
    ],
  ])('%j: %s', (template, message) => {
    const problem = checkTemplate(template);
    expect(problem).not.toBeNull();
    expect(describeTemplateProblem(problem!)).toContain(message);
  });

  it('reports the first problem from the left', () => {
    expect(checkTemplate('{tilte} {url')).toEqual({ kind: 'unknown', name: '{tilte}' });
    expect(checkTemplate('{url {tilte}')).toEqual({ kind: 'unbalanced', brace: '{', at: 1 });
  });
});

describe('renderTemplate', () => {
  it('fills in every placeholder', () => {
    expect(
      plain('{label}: {url} — “{title}”, {author}, {site}, {published} (accessed {accessed})'),
    ).toBe(
      'Source: https://example.com/a — “Title”, Author, Site, 2025-04-01 (accessed 2025-05-02)',
    );
  });

  it('gives the link as a part of its own', () => {
    expect(renderTemplate('Read at {url}.', VALUES)).toEqual([
      { text: 'Read at ' },
      { link: 'https://example.com/a' },
      { text: '.' },
    ]);
  });

  it.each([
    ['{title} — {author}, {site}: {url}', { author: '' }, 'Title, Site: https://example.com/a'],
    ['{title} — {author}, {site}: {url}', { title: '' }, 'Author, Site: https://example.com/a'],
    [
      '{title} — {author}, {site}: {url}',
      { title: '', author: '', site: '' },
      'https://example.com/a',
    ],
    ['“{title}” ({site}), {url}', { title: '', site: '' }, 'https://example.com/a'],
    ['{site} ({published}): {url}', { published: '' }, 'Site: https://example.com/a'],
    ['{url} — {title}', { title: '' }, 'https://example.com/a'],
    ['{title}, {site} / {url}', { site: '' }, 'Title / https://example.com/a'],
    ['[{author}] {url}', { author: '' }, 'https://example.com/a'],
    ['{title}. {author}. {url}', { author: '   ' }, 'Title. https://example.com/a'],
    // A word of the template's own is kept: only punctuation is known to go with a value.
    ['By {author}, {url}', { author: '' }, 'By, https://example.com/a'],
  ])('%s without %j → %s', (template, missing, expected) => {
    expect(plain(template, missing)).toBe(expected);
  });

  it('keeps the template’s own punctuation where nothing is missing, on one line', () => {
    expect(plain('  Source :  {url}\n(via {site})  ')).toBe(
      'Source : https://example.com/a (via Site)',
    );
  });

  it('never expands placeholders inside values, and keeps values on one line', () => {
    expect(plain('{title} {url}', { title: 'A {url}\nB\u0000C' })).toBe(
      'A {url} B C https://example.com/a',
    );
  });

  it('refuses an invalid template rather than guess', () => {
    expect(() => renderTemplate('{tilte} {url}', VALUES)).toThrow('Not a valid template: unknown');
  });
});

describe('templateValues', () => {
  it('takes the article’s date as the page gives it and the copy’s local day', () => {
    expect(templateValues(ARTICLE, NOW)).toEqual({
      title: ARTICLE.title,
      url: ARTICLE.url,
      site: ARTICLE.siteName,
      author: 'Анна Смирнова',
      published: '2025-04-01',
      accessed: '2025-05-02',
      label: 'Источник',
    });
  });

  it('prefers the user’s label for the site, and leaves unknown values empty', () => {
    const values = templateValues({ url: ARTICLE.url, language: 'az', label: 'Via Vesti' }, NOW);
    expect(values).toMatchObject({ label: 'Via Vesti', title: '', author: '', published: '' });
    expect(templateValues({ url: ARTICLE.url, language: 'az' }, NOW).label).toBe('Mənbə');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url'])(
    'refuses to link to %s',
    (url) => {
      expect(() => templateValues({ ...ARTICLE, url }, NOW)).toThrow(/non-http/);
      expect(() =>
        renderAttribution({ ...ARTICLE, url }, { plain: '{url}', html: '{url}' }, NOW),
      ).toThrow(/non-http/);
    },
  );
});

describe('renderAttribution', () => {
  const TEMPLATE = {
    plain: '{site} — {title}: {url}',
    html: '{title} ({published}), {label}: {url}',
  };

  it('uses the default line where no template is set', () => {
    expect(renderAttribution(ARTICLE, null, NOW)).toEqual(defaultAttribution(ARTICLE));
    expect(renderAttribution(ARTICLE, { plain: null, html: null }, NOW)).toEqual(
      defaultAttribution(ARTICLE),
    );
    const half = renderAttribution(ARTICLE, { plain: TEMPLATE.plain, html: null }, NOW);
    expect(half.html).toBe(defaultAttribution(ARTICLE).html);
  });

  it('writes the default line when the template is the default one written out', () => {
    const written = { plain: DEFAULT_TEMPLATE_TEXT, html: DEFAULT_TEMPLATE_TEXT };
    expect(renderAttribution(ARTICLE, written, NOW)).toEqual(defaultAttribution(ARTICLE));
  });

  it('renders both flavours, the HTML one in Linkback’s paragraph with an active link', () => {
    const out = renderAttribution(ARTICLE, TEMPLATE, NOW);
    expect(out.plain).toBe(`Вести Прикаспия — ${ARTICLE.title}: ${ARTICLE.url}`);
    expect(out.html).toBe(
      `<p data-linkback="attribution">${ARTICLE.title} (2025-04-01), Источник: ` +
        `<a href="${ARTICLE.url}">${ARTICLE.url}</a></p>`,
    );
    // A second copy of attributed text is still recognised, in either flavour.
    expect(hasAttribution({ plain: out.plain }, ARTICLE.url)).toBe(true);
    expect(hasAttribution({ html: out.html }, ARTICLE.url)).toBe(true);
  });

  it('escapes hostile values and template text: the only markup is its own', () => {
    const hostile: AttributionSource = {
      ...ARTICLE,
      url: 'https://example.com/x?a="><script>alert(1)</script>',
      title: '<img src=x onerror=alert(1)>',
      siteName: '"><b>bold</b>',
    };
    const out = renderAttribution(
      hostile,
      { plain: null, html: '<i>{title}</i> & {site}: {url}' },
      NOW,
    );
    const doc = new DOMParser().parseFromString(out.html, 'text/html');
    expect(doc.querySelector('img, script, b, i')).toBeNull();
    const paragraph = doc.querySelector('p[data-linkback="attribution"]')!;
    expect(paragraph.textContent).toContain(
      '<i><img src=x onerror=alert(1)></i> & "><b>bold</b>: ',
    );
    const links = doc.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe(new URL(hostile.url).href);
    expect(links[0]!.textContent).toBe(new URL(hostile.url).href);
  });

  it('still appends a Creative Commons credit after the template', () => {
    const licensed: AttributionSource = {
      ...ARTICLE,
      language: 'en',
      licence: {
        name: 'CC BY 4.0',
        url: 'https://creativecommons.org/licenses/by/4.0/',
        authors: ['Margaret Ellison'],
      },
    };
    const out = renderAttribution(licensed, { plain: 'From {site}: {url}', html: '{url}' }, NOW);
    expect(out.plain).toBe(
      `From Вести Прикаспия: ${ARTICLE.url} — “${ARTICLE.title}”, Margaret Ellison. ` +
        'License: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
    );
    expect(out.html).toContain(
      '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a></p>',
    );
  });

  it('falls back to the default line for a template that does not check', () => {
    const out = renderAttribution(ARTICLE, { plain: '{title}', html: '{tilte} {url}' }, NOW);
    expect(out).toEqual(defaultAttribution(ARTICLE));
  });
});
