import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { HistoryPage, PAGE_SIZE } from '../../../components/HistoryPage';
import type { HistoryEntry, HistoryKind } from '../../../utils/core/records/history';

function entry(i: number, kind: HistoryKind = i % 2 ? 'paste' : 'copy'): HistoryEntry {
  return {
    id: `e${i}`,
    kind,
    at: Date.UTC(2026, 10, 1) - i * 60_000,
    title: i === 3 ? '<img src=x onerror=alert(1)> Terminal opens' : `Article ${i}`,
    articleUrl: `https://site${i % 3}.example/news/${i}`,
    site: `site${i % 3}.example`,
    destination: kind === 'paste' ? 'My blog — https://blog.example' : null,
    text: kind === 'copy' ? `Copied text number ${i}` : null,
    linkAdded: true,
    undone: i === 5,
  };
}

const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

async function show(entries: HistoryEntry[]) {
  const removed: string[] = [];
  let current = entries;
  const root = document.createElement('main');
  document.body.append(root);
  await act(async () => {
    render(
      <HistoryPage
        data={{
          load: async () => current,
          remove: async (_kind, id) => {
            removed.push(id);
            current = current.filter((e) => e.id !== id);
          },
        }}
      />,
      root,
    );
  });
  await settle();
  return { root, removed };
}

const rows = (root: HTMLElement) => root.querySelectorAll('[data-testid="history-list"] > li');

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the history page', () => {
  it('says which pastes had their added link taken out again', async () => {
    const { root } = await show([entry(5), entry(7)]);
    const [undone, kept] = [...rows(root)].map((row) => row.textContent ?? '');
    expect(undone).toContain('link taken out again (Undo)');
    expect(kept).not.toContain('taken out');
  });

  it('says what to do when there is nothing yet', async () => {
    const { root } = await show([]);
    expect(root.querySelector('[data-testid="history-empty"]')?.textContent).toContain(
      'copy from an article',
    );
  });

  it('shows a page of entries at a time, with more on demand', async () => {
    const { root } = await show(Array.from({ length: 250 }, (_, i) => entry(i)));
    expect(rows(root)).toHaveLength(PAGE_SIZE);
    expect(root.querySelector('[data-testid="history-count"]')?.textContent).toBe('250 entries');
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-action="history-more"]')!.click();
    });
    expect(rows(root)).toHaveLength(2 * PAGE_SIZE);
  });

  it('filters by kind and words, and renders page text as text', async () => {
    const { root } = await show(Array.from({ length: 10 }, (_, i) => entry(i)));
    await act(async () => {
      const kind = root.querySelector<HTMLSelectElement>('[name="kind"]')!;
      kind.value = 'paste';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect([...rows(root)].every((row) => row.getAttribute('data-kind') === 'paste')).toBe(true);
    await act(async () => {
      const query = root.querySelector<HTMLInputElement>('[name="query"]')!;
      query.value = 'terminal';
      query.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(rows(root)).toHaveLength(1);
    expect(root.querySelector('img')).toBeNull();
    expect(rows(root)[0]?.textContent).toContain('<img src=x onerror=alert(1)> Terminal opens');
  });

  it('deletes one entry and shows the rest', async () => {
    const { root, removed } = await show([entry(0), entry(1), entry(2)]);
    await act(async () => {
      root
        .querySelector<HTMLButtonElement>('[data-id="e1"] [data-action="history-delete"]')!
        .click();
    });
    await settle();
    expect(removed).toEqual(['e1']);
    expect([...rows(root)].map((row) => row.getAttribute('data-id'))).toEqual(['e0', 'e2']);
  });
});
