import fc from 'fast-check';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type FollowReport, type PopupData } from '../../../components/PopupApp';
import type { ArticleMetadata } from '../../../utils/core/metadata/types';
import type { ArticleView } from '../../../utils/core/records/article-state';
import { HEALTHY } from '../../../utils/core/records/storage-health';
import type { CopyRecord } from '../../../utils/core/records/records';
import { caliberRule } from '../../../utils/core/publishers/caliber';

const META: ArticleMetadata = {
  url: 'https://caliber.az/en/post/story',
  canonicalUrl: 'https://caliber.az/en/post/story',
  title: 'CNN: Trump sends “unconventional negotiating team” to Moscow',
  authors: ['Sabina Mammadli'],
  publishedAt: '2025-12-02T09:19:00+04:00',
  publishedText: '02 December 2025 09:19',
  modifiedAt: null,
  category: 'WORLD',
  views: 35,
  language: 'en',
  siteName: 'Caliber.az',
  imageUrl: 'https://caliber.az/media/photos/normal/abc.webp',
  description: null,
  sources: {},
};

/** A 1×1 WebP, as the article's content script would draw it from the page's loaded image. */
const THUMBNAIL = {
  dataUrl: 'data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==',
  width: 1,
  height: 1,
};

const STATE: ArticleView = {
  isArticle: true,
  url: META.url,
  metadata: META,
  publisher: {
    id: 'caliber',
    name: 'Caliber.az',
    homeUrl: 'https://caliber.az/',
    notice: 'Any use of materials is allowed only if there is a hyperlink to Caliber.az',
    timeZone: caliberRule.timeZone,
  },
  rule: null,
  thumbnail: THUMBNAIL,
};

async function show(
  data: PopupData | Error,
  chooseForSite: (host: string, choice: SiteChoice | null) => Promise<void> = async () => undefined,
  followReport?: FollowReport,
): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.append(root);
  await act(async () => {
    render(
      <PopupApp
        actions={{
          highlight: async () => 2,
          clearHistory: async () => undefined,
          openSettings: () => undefined,
          openHistory: () => undefined,
          chooseForSite,
        }}
        load={() => (data instanceof Error ? Promise.reject(data) : Promise.resolve(data))}
        followReport={followReport}
      />,
      root,
    );
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return root;
}

import type { SiteChoice } from '../../../utils/core/rules/site-choice';
import { siteRuleStatus } from '../../../utils/core/rules/site-choice';
import type { ReuseFinding } from '../../../utils/core/rules/types';

const field = (root: HTMLElement, name: string) =>
  root.querySelector(`[data-field="${name}"]`)?.textContent;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the popup', () => {
  it('says when records could not be saved or stored data was repaired, and nothing when all is well', async () => {
    const calm = await show({ state: null, report: null, recent: [], health: HEALTHY });
    expect(calm.querySelector('[data-testid="storage-notice"]')).toBeNull();
    const root = await show({
      state: null,
      report: null,
      recent: [],
      health: {
        ...HEALTHY,
        unsavedRecords: 3,
        evictedRecords: 5,
        unrememberedArticles: 4,
        droppedEntries: 2,
        pasteIndexRebuilt: true,
        lastError: 'QUOTA_BYTES quota exceeded',
      },
    });
    const notice = root.querySelector('[data-testid="storage-notice"]');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.textContent).toContain('3 entries could not be saved');
    expect(notice?.textContent).toContain('5 older entries were removed');
    expect(notice?.textContent).toContain('4 articles you read could not be remembered');
    expect(notice?.textContent).toContain('2 unreadable entries');
    expect(notice?.textContent).toContain('rebuilt from your copy history');
    expect(notice?.textContent).toContain('QUOTA_BYTES');
    // On an article page too, where the copies that could not be kept were made.
    const onArticle = await show({
      state: STATE,
      report: null,
      recent: [],
      health: { ...HEALTHY, evictedRecords: 1 },
    });
    expect(onArticle.querySelector('[data-testid="storage-notice"]')?.textContent).toContain(
      '1 older entries were removed',
    );
  });

  it('shows a time at the offset the page gave, not Baku time, when the publisher’s rule names no zone', async () => {
    const publisher = { ...STATE.publisher!, timeZone: undefined };
    const publishedAt = '2025-12-02T09:19:00+03:00';
    const root = await show({
      state: { ...STATE, publisher, metadata: { ...META, publishedAt, publishedText: null } },
      report: null,
      recent: [],
    });
    expect(field(root, 'published')).not.toMatch(/Baku/);
    const wallClock = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date('2025-12-02T09:19:00Z'));
    expect(field(root, 'published')).toBe(`${wallClock} (site time, UTC+3)`);
  });

  it('shows the article card with every field, missing ones marked as such', async () => {
    const root = await show({ state: STATE, report: null, recent: [] });
    expect(root.querySelector('[data-testid="metadata-card"]')).not.toBeNull();
    expect(field(root, 'title')).toBe(META.title);
    expect(field(root, 'authors')).toBe('Sabina Mammadli');
    expect(field(root, 'published')).toBe('02 December 2025 09:19 (Baku time, UTC+04:00)');
    expect(field(root, 'category')).toBe('WORLD');
    expect(field(root, 'views')).toBe('35');
    expect(field(root, 'language')).toBe('English (en)');
    expect(field(root, 'canonical-url')).toBe(META.canonicalUrl);
    expect(field(root, 'description')).toBe('not found');
    expect(root.querySelector('[data-field="description"]')!.hasAttribute('data-missing')).toBe(
      true,
    );
    expect(field(root, 'image')).toBe(META.imageUrl);
    expect(root.querySelector('[data-field="image"] a')!.getAttribute('href')).toBe(META.imageUrl);
    expect(root.querySelector<HTMLImageElement>('[data-testid="lead-thumbnail"]')!.src).toBe(
      THUMBNAIL.dataUrl,
    );
  });

  it('renders page-supplied strings as text and drops non-http links and images', async () => {
    const hostile = {
      ...META,
      title: '<img src=x onerror="window.__pwned=1">',
      authors: ['<b>bold</b>'],
      canonicalUrl: 'javascript:alert(1)',
      imageUrl: 'javascript:alert(2)',
    };
    const root = await show({ state: { ...STATE, metadata: hostile }, report: null, recent: [] });
    expect(field(root, 'title')).toBe(hostile.title);
    expect(root.querySelector('[data-field="title"] img')).toBeNull();
    expect(root.querySelector('[data-field="authors"] b')).toBeNull();
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(root.querySelectorAll('img')).toHaveLength(1); // the thumbnail, not the title's
    expect(field(root, 'canonical-url')).toBe('not found');
    expect(field(root, 'image')).toBe('not found');
  });

  it('loads no image: the lead image is only the thumbnail the page drew, as a data: URL', async () => {
    const root = await show({ state: STATE, report: null, recent: [] });
    const sources = [...root.querySelectorAll('[src], [srcset], [poster]')].map(
      (el) => el.getAttribute('src') ?? el.getAttribute('srcset') ?? el.getAttribute('poster'),
    );
    expect(sources).toEqual([THUMBNAIL.dataUrl]);
  });

  it('shows no image at all when the page drew none', async () => {
    const root = await show({ state: { ...STATE, thumbnail: null }, report: null, recent: [] });
    expect(root.querySelector('img')).toBeNull();
    expect(field(root, 'image')).toBe(META.imageUrl);
  });

  it.each([
    ['a web address', 'https://tracker.example/pixel.png'],
    ['a protocol-relative address', '//tracker.example/pixel.png'],
    ['a script', 'javascript:alert(1)'],
    ['an SVG document', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['a data: URL that is not base64', 'data:image/png,abc'],
    ['an oversized data: URL', `data:image/jpeg;base64,${'A'.repeat(60_000)}`],
  ])('refuses a thumbnail that is %s', async (_name, dataUrl) => {
    const root = await show({
      state: { ...STATE, thumbnail: { ...THUMBNAIL, dataUrl } },
      report: null,
      recent: [],
    });
    expect(root.querySelector('[data-testid="metadata-card"]')).not.toBeNull();
    expect(root.querySelector('img')).toBeNull();
  });

  it('says when the page is not an article and lists recent copies', async () => {
    const record: CopyRecord = {
      id: '1',
      articleUrl: META.url,
      title: META.title,
      publisherId: 'caliber',
      siteName: 'Caliber.az',
      language: 'en',
      copiedAt: Date.UTC(2026, 0, 1),
      text: 'Special Envoy Steve Witkoff',
      textLength: 27,
      attributed: true,
    };
    const root = await show({ state: null, report: null, recent: [record] });
    expect(root.querySelector('[data-testid="not-article"]')!.textContent).toContain(
      'not a recognised article',
    );
    const items = root.querySelectorAll('[data-testid="copy-record"]');
    expect(items).toHaveLength(1);
    expect(items[0]!.querySelector('a')!.getAttribute('href')).toBe(META.url);
    expect(items[0]!.textContent).toContain(META.title);
  });

  it('has an empty state for no copies, and a clear error when loading fails', async () => {
    const empty = await show({ state: null, report: null, recent: [] });
    expect(empty.querySelector('[data-testid="no-copies"]')).not.toBeNull();
    const failed = await show(new Error('tab closed'));
    expect(failed.querySelector('[role="alert"]')!.textContent).toBe(
      'Linkback could not read this page: tab closed',
    );
  });
});

describe('the popup’s header and empty states', () => {
  const REUSED: PopupData['report'] = {
    url: 'https://blog.example/post',
    checkedAt: 0,
    articles: [
      {
        url: META.url,
        publisherId: 'caliber',
        title: META.title,
        siteName: 'Caliber.az',
        publishedAt: META.publishedAt,
        language: 'en',
        requiredLink: 'site',
        placement: 'end',
        passages: [{ start: 0, end: 10, quote: 'Special Envoy Steve Witkoff' }],
        coverage: 0.2,
        linkStatus: 'none',
        compliant: false,
      },
    ],
  };
  const sections = (root: HTMLElement) =>
    [...root.querySelectorAll('[data-testid]')]
      .map((el) => el.getAttribute('data-testid'))
      .filter((id) =>
        ['compliance-report', 'not-article', 'getting-started', 'recent-copies'].includes(id!),
      );

  it('names the site the popup is about, from the tab’s address, the article or the report', async () => {
    const host = async (data: PopupData) =>
      (await show(data)).querySelector('[data-testid="popup-host"]')?.textContent ?? null;
    expect(await host({ state: STATE, report: null, recent: [] })).toBe('caliber.az');
    expect(
      await host({ state: null, report: null, recent: [], pageUrl: 'https://www.vesti.test/x' }),
    ).toBe('vesti.test');
    expect(await host({ state: null, report: REUSED, recent: [] })).toBe('blog.example');
    // Browser pages and the store have no site to name.
    expect(await host({ state: null, report: null, recent: [], pageUrl: 'chrome://newtab/' })).toBe(
      null,
    );
  });

  it('tells a newcomer what Linkback does and how to start, with nothing read or copied', async () => {
    const root = await show({ state: null, report: null, recent: [], articlesRead: 0 });
    const start = root.querySelector('[data-testid="getting-started"]');
    expect(start?.querySelectorAll('ol > li')).toHaveLength(3);
    expect(start?.textContent).toContain('copy it (Ctrl+C)');
    expect(root.querySelector('[data-testid="no-reuse"]')?.textContent).toMatch(
      /^Nothing to compare this page with yet/,
    );
    expect(sections(root)).toEqual([
      'not-article',
      'getting-started',
      'compliance-report',
      'recent-copies',
    ]);
    // Once articles were read, the steps give way to what the check found.
    const read = await show({ state: null, report: null, recent: [], articlesRead: 3 });
    expect(read.querySelector('[data-testid="getting-started"]')).toBeNull();
    expect(read.querySelector('[data-testid="articles-read"]')?.textContent).toBe(
      'Articles you have read: 3',
    );
  });

  it('says a page is being checked, never "nothing found", until its report comes', async () => {
    let deliver: (report: PopupData['report']) => void = () => undefined;
    const stop = vi.fn();
    const pending = { state: null, report: null, recent: [], articlesRead: 3, checkPending: true };
    const root = await show(pending, undefined, (onReport) => {
      deliver = onReport;
      return stop;
    });
    expect(root.querySelector('[data-testid="report-checking"]')?.textContent).toBe(
      'Checking this page against the articles you read…',
    );
    expect(root.querySelector('[data-testid="no-reuse"]')).toBeNull();
    await act(async () => deliver(REUSED));
    expect(root.querySelector('[data-testid="report-checking"]')).toBeNull();
    expect(root.querySelectorAll('[data-testid="reused-article"]')).toHaveLength(1);
    expect(sections(root)[0]).toBe('compliance-report');
    expect(stop).toHaveBeenCalledOnce();

    // A check that never reports (a page without text): in the end, what was compared.
    const silent = await show(pending, undefined, (onReport) => {
      onReport(null);
      return () => undefined;
    });
    expect(silent.querySelector('[data-testid="report-checking"]')).toBeNull();
    expect(silent.querySelector('[data-testid="no-reuse"]')?.textContent).toMatch(
      /^No text from the articles you read/,
    );
  });

  it('puts what the page reuses first', async () => {
    const root = await show({ state: null, report: REUSED, recent: [], articlesRead: 1 });
    expect(sections(root)).toEqual(['compliance-report', 'not-article', 'recent-copies']);
    expect(root.querySelector('[data-field="reuse-share"]')?.textContent).toBe(
      'Reuses 20% of the article',
    );
  });
});

describe('the popup under fuzzed page strings', () => {
  const hostile = fc.oneof(
    fc.constantFrom(
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=1</script>',
      'javascript:window.__pwned=1',
      'data:text/html,<script>window.__pwned=1</script>',
      '<svg onload="window.__pwned=1">',
      '\u202eevil',
      'https://evil.example/x',
    ),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );

  it('renders any page string as text: no element, link or image comes from the page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 6, maxLength: 6 }), async (strings) => {
        document.body.innerHTML = '';
        const [title, author, canonicalUrl, imageUrl, description, siteName] = strings as [
          string,
          string,
          string,
          string,
          string,
          string,
        ];
        const metadata = {
          ...META,
          title,
          authors: [author],
          canonicalUrl,
          imageUrl,
          description,
          siteName,
        };
        const root = await show({ state: { ...STATE, metadata }, report: null, recent: [] });
        expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
        expect(root.querySelector('script, svg, iframe, object, embed')).toBeNull();
        for (const link of root.querySelectorAll('a[href]')) {
          expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
        }
        for (const image of root.querySelectorAll('img')) {
          expect(image.getAttribute('src')).toMatch(/^data:image\/(png|jpeg|webp);base64,/);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the reuse rule on the tab’s site', () => {
  const NOTICE: ReuseFinding = {
    kind: 'rule',
    rule: {
      publisher: { name: 'Vesti', hosts: ['vesti.test'] },
      linkTo: 'site',
      placement: 'any',
      activeLink: true,
      label: null,
      source: 'notice',
      quote: 'При использовании материалов <b>гиперссылка</b> на Vesti обязательна.',
    },
  };
  const onSite = (found: ReuseFinding | null): PopupData => ({
    state: {
      ...STATE,
      publisher: found ? { ...STATE.publisher!, id: 'vesti.test', name: 'Vesti' } : null,
      rule: siteRuleStatus('vesti.test', found, null),
    },
    report: null,
    recent: [],
  });
  const click = async (root: HTMLElement, action: string) =>
    act(async () => {
      root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

  it('shows the rule, where it comes from, and the site’s words as text', async () => {
    const root = await show(onSite(NOTICE));
    expect(field(root, 'rule-source')).toBe("Read from the site's notice");
    expect(field(root, 'rule-link')).toContain('Link to the site');
    const quote = root.querySelector('[data-testid="rule-quote"]');
    expect(quote?.textContent).toContain('<b>гиперссылка</b>');
    expect(quote?.querySelector('b')).toBeNull();
  });

  it('turns Linkback off for the site, and says so', async () => {
    const chosen: Array<[string, SiteChoice | null]> = [];
    const root = await show(
      onSite(NOTICE),
      async (host, choice) => void chosen.push([host, choice]),
    );
    expect(root.textContent).toContain('Text you copy from this article carries this link.');
    await click(root, 'rule-off');
    expect(chosen).toEqual([['vesti.test', { kind: 'off' }]]);
    expect(root.textContent).not.toContain('carries this link');
    expect(root.querySelector('[data-testid="rule-state"]')?.textContent).toContain(
      'Linkback is off on this site',
    );
    await click(root, 'rule-on');
    expect(chosen[1]).toEqual(['vesti.test', null]);
    expect(field(root, 'rule-source')).toBe("Read from the site's notice");
  });

  it('adds a rule of the user’s own where the site states none', async () => {
    const chosen: Array<SiteChoice | null> = [];
    const root = await show(onSite(null), async (_host, choice) => void chosen.push(choice));
    expect(root.querySelector('[data-testid="rule-state"]')?.textContent).toContain(
      'no reuse rule',
    );
    await click(root, 'rule-edit');
    const form = root.querySelector('form')!;
    await act(async () => {
      const placement = form.querySelector<HTMLSelectElement>('[name="placement"]')!;
      placement.value = 'start';
      placement.dispatchEvent(new Event('change', { bubbles: true }));
      const label = form.querySelector<HTMLInputElement>('[name="label"]')!;
      label.value = '  Via Vesti ';
      label.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(root, 'rule-save');
    expect(chosen).toEqual([
      { kind: 'rule', linkTo: 'article', placement: 'start', label: 'Via Vesti' },
    ]);
    expect(field(root, 'rule-source')).toBe('Your rule');
    expect(field(root, 'rule-link')).toContain('Link before the text');
  });

  it('says when the site forbids reprinting, with its words', async () => {
    const root = await show(onSite({ kind: 'reprint-forbidden', quote: 'Перепечатка запрещена.' }));
    expect(root.querySelector('[data-testid="rule-state"]')?.textContent).toContain(
      'forbids reprinting',
    );
    expect(root.querySelector('[data-testid="rule-quote"]')?.textContent).toBe(
      'Перепечатка запрещена.',
    );
  });

  it('keeps the user’s text and says why when saving fails', async () => {
    const root = await show(onSite(NOTICE), async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    await click(root, 'rule-off');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('QUOTA_BYTES');
    expect(field(root, 'rule-source')).toBe("Read from the site's notice");
  });
});

describe('citations from the popup', () => {
  it('copies an APA, MLA or Chicago entry for the article', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    const root = await show({ state: STATE, report: null, recent: [] });
    for (const style of ['apa', 'mla', 'chicago']) {
      await act(async () => {
        root.querySelector<HTMLButtonElement>(`[data-action="copy-citation-${style}"]`)!.click();
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    }
    expect(written[0]).toMatch(/^Mammadli, S\. \(2025, December 2\)\. /);
    expect(written[0]!.endsWith(`Caliber.az. ${META.canonicalUrl}`)).toBe(true);
    expect(written[1]).toMatch(/^Mammadli, Sabina\. “.+\.” Caliber\.az, 2 Dec\. 2025, /);
    expect(written[2]).toMatch(/^Mammadli, Sabina\. “.+\.” Caliber\.az, December 2, 2025\. /);
    expect(root.querySelector('[data-testid="copy-status"]')?.textContent).toBe(
      'Copied to the clipboard',
    );
  });
});
