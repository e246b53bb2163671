import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { OptionsPage } from '../../../components/OptionsPage';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/records/settings';
import type { SiteChoices } from '../../../utils/core/rules/site-choice';

function memory<T>(initial: T) {
  let value = initial;
  return {
    writes: 0,
    getValue: async () => value,
    async setValue(next: T) {
      value = next;
      this.writes++;
    },
    now: () => value,
  };
}

const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

async function show(
  settings = memory<Settings>(DEFAULT_SETTINGS),
  sites = memory<SiteChoices>({}),
) {
  const root = document.createElement('main');
  document.body.append(root);
  await act(async () => {
    render(<OptionsPage settings={settings} sites={sites} />, root);
  });
  await settle();
  return { root, settings, sites };
}

async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function choose(root: HTMLElement, text: string) {
  const input = root.querySelector<HTMLInputElement>('input[name="import"]')!;
  Object.defineProperty(input, 'files', {
    configurable: true,
    value: [new File([text], 'settings.json', { type: 'application/json' })],
  });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  await settle();
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the options page: sites', () => {
  it('says what to do when nothing is set, and adds a site to leave alone by its host', async () => {
    const { root, sites } = await show();
    expect(root.querySelector('[data-testid="sites-empty"]')?.textContent).toContain('popup');
    await type(root.querySelector<HTMLInputElement>('input[name="host"]')!, 'https://bad host/');
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-action="site-add"]')!.click();
    });
    expect(root.textContent).toContain('is not a host name');
    expect(sites.writes).toBe(0);
    await type(root.querySelector<HTMLInputElement>('input[name="host"]')!, ' WWW.Vesti.test ');
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-action="site-add"]')!.click();
    });
    await settle();
    expect(sites.now()).toEqual({ 'vesti.test': { kind: 'off' } });
    expect(root.querySelector('[data-site="vesti.test"]')?.textContent).toContain('Off');
  });

  it('lists the user’s own rules in words and forgets one', async () => {
    const { root, sites } = await show(
      undefined,
      memory<SiteChoices>({
        'plain.test': { kind: 'rule', linkTo: 'site', placement: 'start', label: 'Via Plain' },
      }),
    );
    const row = root.querySelector('[data-site="plain.test"]')!;
    expect(row.textContent).toContain(
      'Your rule: Link to the site · Link before the text · “Via Plain”',
    );
    await act(async () => {
      row.querySelector<HTMLButtonElement>('[data-action="site-forget"]')!.click();
    });
    await settle();
    expect(sites.now()).toEqual({});
    expect(root.querySelector('[data-testid="sites-empty"]')).not.toBeNull();
  });
});

describe('the options page: the settings file', () => {
  it('refuses a bad file by field and changes nothing', async () => {
    const { root, settings, sites } = await show();
    await choose(
      root,
      '{"format":"linkback-settings","version":1,"settings":{"minWords":"six"},"sites":{}}',
    );
    const status = root.querySelector('[data-testid="transfer-status"]')!;
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toMatch(/Not imported: settings\.minWords must be a whole number/);
    expect(status.textContent).toContain('Nothing was changed');
    expect(settings.writes + sites.writes).toBe(0);
  });

  it('imports a good file and the page shows what it holds', async () => {
    const { root, settings, sites } = await show();
    await choose(
      root,
      JSON.stringify({
        format: 'linkback-settings',
        version: 1,
        settings: {
          attributeOnCopy: false,
          attributeOnPaste: true,
          minWords: 12,
          template: { plain: 'From {site}: {url}', html: null },
        },
        sites: { 'vesti.test': { kind: 'off' } },
      }),
    );
    expect(root.querySelector('[data-testid="transfer-status"]')?.textContent).toBe(
      'Imported: your settings and 1 sites.',
    );
    expect(settings.now()).toEqual({
      ...DEFAULT_SETTINGS,
      attributeOnCopy: false,
      minWords: 12,
      template: { plain: 'From {site}: {url}', html: null },
    });
    expect(sites.now()).toEqual({ 'vesti.test': { kind: 'off' } });
    expect(root.querySelector<HTMLInputElement>('input[name="minWords"]')?.value).toBe('12');
    expect(root.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value).toBe('paste');
    expect(root.querySelector<HTMLTextAreaElement>('[name="templatePlain"]')?.value).toBe(
      'From {site}: {url}',
    );
    expect(root.querySelector('[data-site="vesti.test"]')).not.toBeNull();
  });
});
