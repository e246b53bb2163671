import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { HistoryPage, PAGE_SIZE } from '../../../components/HistoryPage';
import type { HistoryEntry, HistoryKind } from '../../../utils/core/records/history';
import { HEALTHY, type StorageHealth } from '../../../utils/core/records/storage-health';

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
    reuse: null,
  };
}

function finding(i: number, reuse: Partial<NonNullable<HistoryEntry['reuse']>> = {}): HistoryEntry {
  return {
    ...entry(i, 'reuse'),
    title: `Reused article ${i}`,
    destination: `Digest ${i} — https://mirror.example/${i}`,
    text: null,
    linkAdded: false,
    undone: false,
    reuse: {
      pageUrl: `https://mirror.example/${i}`,
      pageTitle: `Digest ${i}`,
      linkStatus: 'none',
      compliant: false,
      reusedShare: 0.234,
      ...reuse,
    },
  };
}

const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

async function show(entries: HistoryEntry[], health: StorageHealth | null = null) {
  const removed: string[] = [];
  const cleared: number[] = [];
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
          clear: async () => {
            cleared.push(current.length);
            current = [];
          },
          health: async () => health,
        }}
      />,
      root,
    );
  });
  await settle();
  return { root, removed, cleared };
}

const click = (root: HTMLElement, action: string) =>
  act(async () => {
    root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click();
  });

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

  it('lists reuse found: the page as a link, whether it links back, and how much it reuses', async () => {
    const { root } = await show([
      entry(0),
      finding(1),
      finding(2, { linkStatus: 'site', compliant: false }),
      finding(3, { linkStatus: 'article', compliant: true, pageTitle: '' }),
    ]);
    const [, none, site, linked] = [...rows(root)];
    expect(none?.getAttribute('data-kind')).toBe('reuse');
    expect(none?.textContent).toContain(
      'Reuse found: Digest 1 · No hyperlink to the source · Reuses 23% of the article',
    );
    expect(none?.querySelector('[data-field="page"]')?.getAttribute('href')).toBe(
      'https://mirror.example/1',
    );
    expect(site?.textContent).toContain(
      "Links only to the publisher's site (the required link is missing)",
    );
    expect(linked?.textContent).toContain(
      'Reuse found: https://mirror.example/3 · Links to the article ·',
    );
    expect(linked?.textContent).not.toContain('missing');

    await act(async () => {
      const kind = root.querySelector<HTMLSelectElement>('[name="kind"]')!;
      kind.value = 'reuse';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect([...rows(root)].map((row) => row.getAttribute('data-kind'))).toEqual([
      'reuse',
      'reuse',
      'reuse',
    ]);
  });

  it('clears everything only once the user confirms, naming how many entries go', async () => {
    const { root, cleared } = await show([entry(0), entry(1), finding(2)]);
    // Filtered down to one: the question still counts them all, since all go.
    await act(async () => {
      const kind = root.querySelector<HTMLSelectElement>('[name="kind"]')!;
      kind.value = 'copy';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(root, 'history-clear');
    const dialog = root.querySelector('[data-testid="history-clear-confirm"]')!;
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.textContent).toContain('Delete all 3 entries of the history');
    // Enter pressed by habit lands on Cancel.
    expect(document.activeElement?.getAttribute('data-action')).toBe('history-clear-cancel');
    await click(root, 'history-clear-cancel');
    expect(root.querySelector('[data-testid="history-clear-confirm"]')).toBeNull();
    expect(cleared).toEqual([]);

    await click(root, 'history-clear');
    await click(root, 'history-clear-confirm');
    await settle();
    expect(cleared).toEqual([3]);
    expect(root.querySelector('[data-testid="history-empty"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="history-clear-status"]')?.textContent).toBe(
      'History cleared.',
    );
    expect(root.querySelector<HTMLButtonElement>('[data-action="history-clear"]')!.disabled).toBe(
      true,
    );
  });

  it('says when clearing failed, and keeps what is listed', async () => {
    const root = document.createElement('main');
    document.body.append(root);
    await act(async () => {
      render(
        <HistoryPage
          data={{
            load: async () => [entry(0)],
            remove: async () => undefined,
            clear: () => Promise.reject(new Error('storage is failing')),
            health: async () => null,
          }}
        />,
        root,
      );
    });
    await settle();
    await click(root, 'history-clear');
    await click(root, 'history-clear-confirm');
    await settle();
    const status = root.querySelector('[data-testid="history-clear-status"]')!;
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toBe('Could not clear the history: storage is failing');
    expect(rows(root)).toHaveLength(1);
  });

  it('says when storage was full and older entries went to make room', async () => {
    const { root } = await show([entry(0)], { ...HEALTHY, checked: true, evictedRecords: 3 });
    expect(root.querySelector('[data-testid="storage-notice"]')?.textContent).toContain(
      'Storage is full: 3 older entries were removed from the history',
    );
    const healthy = await show([entry(0)], { ...HEALTHY, checked: true });
    expect(healthy.root.querySelector('[data-testid="storage-notice"]')).toBeNull();
  });
});
