import { describe, expect, it, vi } from 'vitest';
import {
  createCopyMenus,
  menuRequest,
  requestCopy,
  type MenuItem,
} from '../../../utils/background/copy-commands';

describe('the copy menu', () => {
  it('offers Copy with attribution on selections and citations anywhere on web pages', async () => {
    const items: MenuItem[] = [];
    const removeAll = vi.fn(async () => void items.splice(0));
    await createCopyMenus({ removeAll, create: (item) => items.push(item) }, (key) => `«${key}»`);
    expect(items.map(({ title, contexts, parentId }) => ({ title, contexts, parentId }))).toEqual([
      { title: '«menuCopyWithAttribution»', contexts: ['selection'], parentId: undefined },
      { title: '«menuCopyCitation»', contexts: ['page', 'selection'], parentId: undefined },
      { title: '«copyCitationApa»', contexts: ['page', 'selection'], parentId: items[1]!.id },
      { title: '«copyCitationMla»', contexts: ['page', 'selection'], parentId: items[1]!.id },
      { title: '«copyCitationChicago»', contexts: ['page', 'selection'], parentId: items[1]!.id },
    ]);
    expect(new Set(items.flatMap((item) => item.documentUrlPatterns))).toEqual(
      new Set(['http://*/*', 'https://*/*']),
    );
    // Each item's click asks for what its title says; the submenu's own entry asks nothing.
    expect(items.map((item) => menuRequest(item.id))).toEqual([
      'attribution',
      null,
      'apa',
      'mla',
      'chicago',
    ]);
    expect(menuRequest('some-other-extension-item')).toBeNull();
  });
});

describe('a copy request', () => {
  it('asks the frame, and injects the article script there when nothing answered', async () => {
    const calls: string[] = [];
    let injected = false;
    const deps = {
      sendToFrames: vi.fn(async (_tab: number, _message: unknown, frameId?: number) => {
        calls.push(`ask ${frameId}`);
        return injected ? { copied: true } : undefined;
      }),
      injectArticleScript: vi.fn(async (_tab: number, frameId: number) => {
        calls.push(`inject ${frameId}`);
        injected = true;
      }),
    };
    expect(await requestCopy(deps, 4, 7, 'mla')).toBe(true);
    expect(calls).toEqual(['ask 7', 'inject 7', 'ask 7']);
    expect(deps.sendToFrames).toHaveBeenCalledWith(4, { type: 'copy:requested', style: 'mla' }, 7);
  });

  it('asks every frame for the shortcut, and says so when no frame had a selection', async () => {
    const deps = {
      sendToFrames: vi.fn(async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
      injectArticleScript: vi.fn(async () => {}),
    };
    expect(await requestCopy(deps, 4, undefined, 'attribution')).toBe(false);
    expect(deps.sendToFrames).toHaveBeenCalledWith(
      4,
      { type: 'copy:requested', style: 'attribution' },
      undefined,
    );
    expect(deps.injectArticleScript).toHaveBeenCalledWith(4, 0);
  });
});
