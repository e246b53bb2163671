import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ComplianceReport, ReuseMeter } from '../../../components/ComplianceReport';
import { uiLanguage } from '../../../components/i18n';
import type { ArticleSpan, PageReport } from '../../../utils/core/republication/report';

async function show(node: preact.ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.append(root);
  await act(() => render(node, root));
  return root;
}

const text = (root: HTMLElement, selector: string) =>
  root.querySelector(selector)?.textContent ?? null;

/** What browser.i18n.getMessage gives in a browser whose interface is in `language`. */
function speak(language: 'ru' | 'az') {
  const messages = JSON.parse(
    readFileSync(join(process.cwd(), `public/_locales/${language}/messages.json`), 'utf8'),
  ) as Record<string, { message: string }>;
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(
    (key: string, substitution?: string | string[]) =>
      (messages[key]?.message ?? '').replace(/\$VALUE\$/g, String(substitution ?? '')),
  );
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the reuse meter', () => {
  it('says how much of the article the page reuses, and draws it, hidden from screen readers', async () => {
    const root = await show(<ReuseMeter coverage={0.234} />);
    expect(text(root, '[data-field="reuse-share"]')).toBe('Reuses 23% of the article');
    const bar = root.querySelector('.bar')!;
    expect(bar.getAttribute('aria-hidden')).toBe('true');
    expect(bar.querySelector<HTMLElement>('.bar-fill')!.style.width).toBe('23.4%');
  });

  it('never says 0% of an article the page does reuse, nor more than all of it', async () => {
    expect(text(await show(<ReuseMeter coverage={0.001} />), '[data-field="reuse-share"]')).toBe(
      'Reuses <1% of the article',
    );
    const all = await show(<ReuseMeter coverage={1} />);
    expect(text(all, '[data-field="reuse-share"]')).toBe('Reuses 100% of the article');
    expect(all.querySelector<HTMLElement>('.bar-fill')!.style.width).toBe('100%');
  });

  it('marks where in the article the passages sit, and names those parts', async () => {
    const spans: ArticleSpan[] = [
      { start: 0, end: 0.1 },
      { start: 0.8, end: 0.95 },
    ];
    const root = await show(<ReuseMeter coverage={0.25} spans={spans} />);
    expect(text(root, '[data-field="reuse-places"]')).toBe(
      'Where in the article: beginning and end',
    );
    const strip = root.querySelector('[data-testid="reuse-strip"]')!;
    expect(strip.getAttribute('aria-hidden')).toBe('true');
    const marks = [...strip.querySelectorAll<HTMLElement>('.strip-mark')].map((mark) => [
      mark.style.left,
      mark.style.width,
    ]);
    expect(marks).toEqual([
      ['0%', '10%'],
      ['80%', '15%'],
    ]);
    const whole = await show(<ReuseMeter coverage={0.9} spans={[{ start: 0, end: 1 }]} />);
    expect(text(whole, '[data-field="reuse-places"]')).toBe(
      'Where in the article: beginning, middle, and end',
    );
  });

  it('draws no strip where the report does not know the places', async () => {
    for (const spans of [undefined, []]) {
      const root = await show(<ReuseMeter coverage={0.25} spans={spans} />);
      expect(root.querySelector('[data-testid="reuse-strip"]')).toBeNull();
      expect(root.querySelector('[data-field="reuse-places"]')).toBeNull();
    }
  });

  it('speaks the interface language, numbers included', async () => {
    speak('ru');
    expect(uiLanguage()).toBe('ru');
    const root = await show(
      <ReuseMeter
        coverage={0.23}
        spans={[
          { start: 0.1, end: 0.2 },
          { start: 0.7, end: 0.9 },
        ]}
      />,
    );
    expect(text(root, '[data-field="reuse-share"]')).toBe('Использовано 23\u00a0% статьи');
    expect(text(root, '[data-field="reuse-places"]')).toBe('Где в статье: начало и конец');
    speak('az');
    const az = await show(<ReuseMeter coverage={0.23} spans={[{ start: 0.4, end: 0.5 }]} />);
    expect(text(az, '[data-field="reuse-share"]')).toBe('İstifadə olunub: məqalənin 23%');
    expect(text(az, '[data-field="reuse-places"]')).toBe('Məqalədəki yeri: orta');
  });
});

describe('the republication report', () => {
  const actions = {
    highlight: async () => 0,
    clearHistory: async () => undefined,
    openSettings: () => undefined,
  };
  const REPORT: PageReport = {
    url: 'https://blog.example/post',
    checkedAt: 0,
    articles: [
      {
        url: 'https://caliber.az/en/post/story',
        publisherId: 'caliber',
        title: 'Story',
        siteName: 'Caliber.az',
        publishedAt: '2025-12-02T09:19:00+04:00',
        language: 'en',
        requiredLink: 'site',
        placement: 'end',
        passages: [{ start: 0, end: 10, quote: 'Quoted words' }],
        coverage: 0.33,
        articleSpans: [{ start: 0.1, end: 0.4 }],
        linkStatus: 'none',
        compliant: false,
      },
    ],
  };

  it('gives each reused article its meter, and the day it was published in the interface language', async () => {
    const root = await show(<ComplianceReport report={REPORT} actions={actions} />);
    const item = root.querySelector('[data-testid="reused-article"]')!;
    expect(item.querySelector('[data-testid="reuse-meter"]')).not.toBeNull();
    expect(item.textContent).toContain('Caliber.az · Dec 2, 2025');
    expect(text(root, '[data-field="reuse-share"]')).toBe('Reuses 33% of the article');
    expect(text(root, '[data-field="reuse-places"]')).toBe(
      'Where in the article: beginning and middle',
    );
  });

  it('says what the page was compared with when nothing is reused', async () => {
    const none = { ...REPORT, articles: [] };
    const unread = await show(
      <ComplianceReport report={none} actions={actions} articlesRead={0} />,
    );
    expect(text(unread, '[data-testid="no-reuse"]')).toMatch(/^Nothing to compare this page with/);
    expect(unread.querySelector('[data-testid="articles-read"]')).toBeNull();
    const read = await show(
      <ComplianceReport report={none} actions={actions} articlesRead={12345} />,
    );
    expect(text(read, '[data-testid="no-reuse"]')).toBe(
      'No text from the articles you read was found on this page.',
    );
    expect(text(read, '[data-testid="articles-read"]')).toBe('Articles you have read: 12,345');
    const unknown = await show(<ComplianceReport report={null} actions={actions} />);
    expect(text(unknown, '[data-testid="no-reuse"]')).toBe(
      'No text from the articles you read was found on this page.',
    );
    expect(unknown.querySelector('[data-testid="articles-read"]')).toBeNull();
  });
});
