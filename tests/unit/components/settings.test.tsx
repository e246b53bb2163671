import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsForm, type SettingsStore } from '../../../components/SettingsForm';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/records/settings';

function memoryStore(initial: Settings = DEFAULT_SETTINGS): SettingsStore & { saved: Settings[] } {
  let value = initial;
  const saved: Settings[] = [];
  return {
    saved,
    getValue: async () => value,
    setValue: async (next) => {
      value = next;
      saved.push(next);
    },
  };
}

async function show(store: SettingsStore): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.append(root);
  await act(async () => {
    render(<SettingsForm store={store} />, root);
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return root;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

const radio = (root: HTMLElement, mode: string) =>
  root.querySelector<HTMLInputElement>(`input[name="mode"][value="${mode}"]`)!;

/** The chosen mode, read from the radios' state (happy-dom caches `:checked` query results). */
const chosenMode = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLInputElement>('input[name="mode"]')].find((input) => input.checked)
    ?.value;

/** Types into a field as the browser reports it: the new value, then an input event. */
async function typeInto(field: HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the settings form', () => {
  it('keeps two changes made before it draws again, the second on top of the first', async () => {
    const store = memoryStore(DEFAULT_SETTINGS);
    const root = await show(store);
    await act(async () => {
      const placement = root.querySelector<HTMLSelectElement>('select[name="placement"]')!;
      placement.value = 'start';
      placement.dispatchEvent(new Event('change', { bubbles: true }));
      const deepLink = root.querySelector<HTMLInputElement>('input[name="deepLink"]')!;
      deepLink.checked = true;
      deepLink.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(store.saved.at(-1)).toMatchObject({ placement: 'start', deepLink: true });
  });

  it('shows the stored settings and saves each change at once', async () => {
    const store = memoryStore(DEFAULT_SETTINGS);
    const root = await show(store);
    expect(chosenMode(root)).toBe('both');
    expect(root.querySelector<HTMLInputElement>('input[name="minWords"]')!.value).toBe('6');
    await act(async () => {
      radio(root, 'copy').click();
    });
    expect(store.saved.at(-1)).toEqual({ ...DEFAULT_SETTINGS, attributeOnPaste: false });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved.');
  });

  it('offers one mode, labelled, that sets both stored switches', async () => {
    const store = memoryStore({ ...DEFAULT_SETTINGS, attributeOnCopy: false });
    const root = await show(store);
    const group = root.querySelector('fieldset.mode')!;
    expect(group.querySelector('legend')!.textContent).toBe('Add the source link');
    expect([...group.querySelectorAll('label')].map((label) => label.textContent)).toEqual([
      'On copy',
      'On paste',
      'Both (default)',
      'Off',
    ]);
    expect(chosenMode(root)).toBe('paste');
    const expected = {
      copy: { attributeOnCopy: true, attributeOnPaste: false },
      paste: { attributeOnCopy: false, attributeOnPaste: true },
      both: { attributeOnCopy: true, attributeOnPaste: true },
      off: { attributeOnCopy: false, attributeOnPaste: false },
    };
    for (const mode of ['off', 'copy', 'both', 'paste'] as const) {
      await act(async () => {
        radio(root, mode).click();
      });
      expect(store.saved.at(-1)).toMatchObject(expected[mode]);
      expect(chosenMode(root)).toBe(mode);
    }
  });

  it('refuses a minimum that is not a whole number from 1 to 50, and says so', async () => {
    const store = memoryStore();
    const root = await show(store);
    const input = root.querySelector<HTMLInputElement>('input[name="minWords"]')!;
    for (const bad of ['0', '2.5', '99', '']) {
      await act(async () => {
        input.value = bad;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      expect(root.querySelector('[role="status"]')!.textContent).toBe(
        'Enter a whole number from 1 to 50.',
      );
    }
    expect(store.saved).toEqual([]);
    await act(async () => {
      input.value = '3';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(store.saved.at(-1)?.minWords).toBe(3);
  });

  it('offers how much history to keep, within what storage holds, and saves the choice', async () => {
    const store = memoryStore({ ...DEFAULT_SETTINGS, historyMaxDays: 90 });
    const root = await show(store);
    const entries = root.querySelector<HTMLSelectElement>('select[name="historyMaxEntries"]')!;
    const days = root.querySelector<HTMLSelectElement>('select[name="historyMaxDays"]')!;
    const options = (select: HTMLSelectElement) =>
      [...select.options].map((option) => [option.value, option.textContent]);
    expect(options(entries)).toEqual([
      ['100', '100'],
      ['500', '500'],
      ['1000', '1,000'],
    ]);
    expect(options(days)).toEqual([
      ['30', '30 days'],
      ['90', '90 days'],
      ['365', '365 days'],
      ['none', 'No time limit'],
    ]);
    expect(entries.value).toBe('1000');
    expect(days.value).toBe('90');
    expect(root.querySelector('fieldset.retention legend')?.textContent).toBe('History');

    const choose = (select: HTMLSelectElement, value: string) =>
      act(async () => {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await choose(entries, '100');
    expect(store.saved.at(-1)).toMatchObject({ historyMaxEntries: 100, historyMaxDays: 90 });
    await choose(days, 'none');
    expect(store.saved.at(-1)).toMatchObject({ historyMaxEntries: 100, historyMaxDays: null });
    await choose(days, '30');
    expect(store.saved.at(-1)).toMatchObject({ historyMaxDays: 30 });
  });

  it('reports a failed save instead of pretending', async () => {
    const store = memoryStore();
    store.setValue = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    const root = await show(store);
    await act(async () => {
      radio(root, 'off').click();
    });
    expect(root.querySelector('[role="status"]')!.textContent).toBe(
      'Could not save the settings: QUOTA_BYTES quota exceeded',
    );
  });
});

describe('the attribution template editor', () => {
  const field = (root: HTMLElement, name: 'templatePlain' | 'templateHtml') =>
    root.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`)!;
  const text = (root: HTMLElement, testId: string) =>
    root.querySelector(`[data-testid="${testId}"]`)!.textContent;

  it('labels both fields and ties each to the hint and its problem', async () => {
    const root = await show(memoryStore());
    for (const name of ['templatePlain', 'templateHtml'] as const) {
      const textarea = field(root, name);
      const label = root.querySelector(`label[for="${textarea.id}"]`);
      expect(label?.textContent).toBeTruthy();
      const described = textarea.getAttribute('aria-describedby')!.split(' ');
      expect(described).toContain('template-hint');
      const problem = document.getElementById(described[1]!)!;
      expect(problem.getAttribute('role')).toBe('alert');
    }
    expect(root.querySelector('[data-action="template-reset"]')!.tagName).toBe('BUTTON');
  });

  it('previews the default line until a template is set, then saves it and previews it', async () => {
    const store = memoryStore();
    const root = await show(store);
    const url = 'https://example.com/news/2025/harbour-reopens';
    expect(text(root, 'preview-plain')).toBe(`Source: ${url}`);
    await typeInto(field(root, 'templatePlain'), '{site} — {title} ({published}): {url}');
    expect(store.saved.at(-1)?.template).toEqual({
      plain: '{site} — {title} ({published}): {url}',
      html: null,
    });
    expect(text(root, 'preview-plain')).toBe(
      `Example News — Harbour reopens after a year of works (2025-04-01): ${url}`,
    );
    await typeInto(field(root, 'templateHtml'), '<b>{title}</b> → {url}');
    const rich = root.querySelector('[data-testid="preview-html"]')!;
    // Built as elements: the template's markup is text, the link a real link.
    expect(rich.querySelector('b')).toBeNull();
    expect(rich.textContent).toBe(`<b>Harbour reopens after a year of works</b> → ${url}`);
    expect([...rich.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([url]);
  });

  it.each([
    [
      '{title}',
      /^Not saved: the template must contain \{url\}: the publisher's rule requires the link\.$/,
    ],
    [
      '{tilte} {url}',
      /^Not saved: \{tilte\} is not a placeholder; the known ones are \{title\}, \{url\}/,
    ],
    ['Source: {url', /^Not saved: the “\{” at character 9 is never closed\.$/],
    ['} {url}', /^Not saved: the “\}” at character 1 closes nothing\.$/],
    [`{url}${'x'.repeat(500)}`, /^Not saved: the template is 505 characters long; at most 500/],
  ])('refuses %j, saying why, and keeps what was saved', async (template, message) => {
    const store = memoryStore({ ...DEFAULT_SETTINGS, template: { plain: '{url}', html: null } });
    const root = await show(store);
    const textarea = field(root, 'templatePlain');
    await typeInto(textarea, template);
    expect(store.saved).toEqual([]);
    expect(text(root, 'template-plain-problem')).toMatch(message);
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(text(root, 'preview-plain')).toBe('https://example.com/news/2025/harbour-reopens');

    await typeInto(textarea, 'Read at {url}');
    expect(text(root, 'template-plain-problem')).toBe('');
    expect(textarea.getAttribute('aria-invalid')).toBe('false');
    expect(store.saved.at(-1)?.template.plain).toBe('Read at {url}');
  });

  it('goes back to the default line from an emptied field or the reset button', async () => {
    const store = memoryStore({
      ...DEFAULT_SETTINGS,
      template: { plain: 'Read at {url}', html: '{title}: {url}' },
    });
    const root = await show(store);
    expect(field(root, 'templatePlain').value).toBe('Read at {url}');
    await typeInto(field(root, 'templatePlain'), '  ');
    expect(store.saved.at(-1)?.template).toEqual({ plain: null, html: '{title}: {url}' });

    await typeInto(field(root, 'templateHtml'), '{oops}');
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-action="template-reset"]')!.click();
    });
    expect(store.saved.at(-1)?.template).toEqual({ plain: null, html: null });
    expect(field(root, 'templatePlain').value).toBe('');
    expect(field(root, 'templateHtml').value).toBe('');
    expect(text(root, 'template-html-problem')).toBe('');
    expect(text(root, 'preview-html')).toBe(
      'Source: https://example.com/news/2025/harbour-reopens',
    );
  });
});
