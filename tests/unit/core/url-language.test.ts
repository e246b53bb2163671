import { describe, expect, it } from 'vitest';
import { primaryLanguageSubtag } from '../../../utils/core/metadata/language';
import {
  acceptCanonicalUrl,
  isSameSite,
  resolveHttpUrl,
  withoutFragment,
} from '../../../utils/core/url';

const PAGE = new URL('https://www.example.com/news/story?id=1#comments');

describe('resolveHttpUrl', () => {
  it.each([
    ['/img/a.jpg', 'https://www.example.com/img/a.jpg'],
    ['b.jpg', 'https://www.example.com/news/b.jpg'],
    ['//cdn.example.net/c.jpg', 'https://cdn.example.net/c.jpg'],
    ['  http://other.example/d.jpg  ', 'http://other.example/d.jpg'],
  ])('%s → %s', (raw, expected) => {
    expect(resolveHttpUrl(raw, PAGE)).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)'],
    [' JavaScript:alert(1)'],
    ['data:image/png;base64,AAAA'],
    ['blob:https://www.example.com/uuid'],
    ['file:///etc/passwd'],
    ['ftp://example.com/a'],
    ['http://'],
    [''],
    [`https://example.com/${'a'.repeat(5000)}`],
    [42],
  ])('rejects %j', (raw) => {
    expect(resolveHttpUrl(raw, PAGE)).toBeNull();
  });
});

describe('canonical URLs', () => {
  it('treats www and bare host as the same site, nothing broader', () => {
    expect(isSameSite(new URL('https://example.com/a'), PAGE)).toBe(true);
    expect(isSameSite(new URL('http://www.example.com/a'), PAGE)).toBe(true);
    expect(isSameSite(new URL('https://m.example.com/a'), PAGE)).toBe(false);
    expect(isSameSite(new URL('https://example.com.evil.net/a'), PAGE)).toBe(false);
  });

  it('accepts a same-site http(s) canonical and drops its fragment', () => {
    expect(acceptCanonicalUrl('https://example.com/news/story#top', PAGE)).toBe(
      'https://example.com/news/story',
    );
    expect(acceptCanonicalUrl('/news/story', PAGE)).toBe('https://www.example.com/news/story');
  });

  it('rejects cross-site and non-http canonicals', () => {
    expect(acceptCanonicalUrl('https://evil.example/steal', PAGE)).toBeNull();
    expect(acceptCanonicalUrl('//evil.example/x', PAGE)).toBeNull();
    expect(acceptCanonicalUrl('javascript:alert(1)', PAGE)).toBeNull();
  });

  it('withoutFragment keeps the query', () => {
    expect(withoutFragment(PAGE)).toBe('https://www.example.com/news/story?id=1');
  });
});

describe('primaryLanguageSubtag', () => {
  it.each([
    ['en', 'en'],
    ['EN-us', 'en'],
    ['ru_RU', 'ru'],
    ['az-Latn-AZ', 'az'],
    [' fr ', 'fr'],
    ['fil', 'fil'],
  ])('%s → %s', (raw, expected) => {
    expect(primaryLanguageSubtag(raw)).toBe(expected);
  });

  it.each([['und'], ['mul'], ['x-default'], ['<script>'], ['english'], [''], [null], [7]])(
    'rejects %j',
    (raw) => {
      expect(primaryLanguageSubtag(raw)).toBeNull();
    },
  );
});
