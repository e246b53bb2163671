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

describe('the settings form', () => {
  it('shows the stored settings and saves each change at once', async () => {
    const store = memoryStore(DEFAULT_SETTINGS);
    const root = await show(store);
    const paste = root.querySelector<HTMLInputElement>('input[name="attributeOnPaste"]')!;
    expect(paste.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[name="minWords"]')!.value).toBe('6');
    await act(async () => {
      paste.click();
    });
    expect(store.saved.at(-1)).toEqual({ ...DEFAULT_SETTINGS, attributeOnPaste: false });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved.');
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

  it('reports a failed save instead of pretending', async () => {
    const store = memoryStore();
    store.setValue = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    const root = await show(store);
    await act(async () => {
      root.querySelector<HTMLInputElement>('input[name="attributeOnCopy"]')!.click();
    });
    expect(root.querySelector('[role="status"]')!.textContent).toBe(
      'Could not save the settings: QUOTA_BYTES quota exceeded',
    );
  });
});
