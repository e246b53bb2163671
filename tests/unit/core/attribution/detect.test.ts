import { describe, expect, it } from 'vitest';
import { findAttributionLine, hasAttribution } from '../../../../utils/core/attribution/detect';

const URL_ = 'https://caliber.az/en/post/some-story';

describe('hasAttribution', () => {
  it.each([
    ['plain URL', { plain: `Text.\n\nSource: ${URL_}` }],
    ['plain URL with http and www', { plain: 'Text (http://www.caliber.az/en/post/some-story/).' }],
    ['html href', { html: `<p>Text</p><p>Source: <a href="${URL_}">Story</a></p>` }],
    [
      'html href with entities',
      { html: `<a href='https://caliber.az/en/post/some-story#top'>x</a>` },
    ],
  ])('finds the link: %s', (_, payload) => {
    expect(hasAttribution(payload, URL_)).toBe(true);
  });

  it.each([
    ['no link', { plain: 'Just the text.', html: '<p>Just the text.</p>' }],
    ['link to another article', { plain: 'See https://caliber.az/en/post/other-story' }],
    ['link to the home page only', { html: '<a href="https://caliber.az/">Caliber.az</a>' }],
    ['URL as a prefix of a longer path', { plain: `${URL_}-part-two` }],
  ])('does not mistake %s for the attribution', (_, payload) => {
    expect(hasAttribution(payload, URL_)).toBe(false);
  });

  it('never matches when the article URL is not http(s)', () => {
    expect(hasAttribution({ plain: 'javascript:alert(1)' }, 'javascript:alert(1)')).toBe(false);
  });
});

describe('findAttributionLine', () => {
  it('finds Linkback’s line at the end or the start, in each label language', () => {
    expect(findAttributionLine(`Some text.\n\nSource: ${URL_}`)).toEqual({
      text: 'Some text.',
      line: `Source: ${URL_}`,
      placement: 'end',
    });
    expect(findAttributionLine(`Текст.\r\n\r\nИсточник: ${URL_}\r\n`)?.text).toBe('Текст.');
    expect(findAttributionLine(`Mənbə: ${URL_}\n\nMətn.`)).toEqual({
      text: 'Mətn.',
      line: `Mənbə: ${URL_}`,
      placement: 'start',
    });
  });

  it('finds nothing in text that only mentions a source', () => {
    for (const text of [
      `Some text. Source: ${URL_}`,
      `Some text.\n\nSource: see the article`,
      `Some text.\n\nSource: javascript:alert(1)`,
      `Some text.\n\nSource: ${URL_} and more`,
    ]) {
      expect(findAttributionLine(text), text).toBeNull();
    }
  });
});
