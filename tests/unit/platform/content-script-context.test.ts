import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '../../../utils/platform/content-script-context';

afterEach(() => {
  vi.useRealTimers();
});

describe('the all-pages script’s context', () => {
  it('ends its listeners, timers and callbacks when invalidated', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const heard: string[] = [];
    ctx.addEventListener(window, 'paste', () => heard.push('paste'), { capture: true });
    ctx.setTimeout(() => heard.push('timeout'), 10);
    const cleanedUp = vi.fn();
    ctx.onInvalidated(cleanedUp);
    window.dispatchEvent(new Event('paste'));
    ctx.notifyInvalidated();
    window.dispatchEvent(new Event('paste'));
    vi.advanceTimersByTime(20);
    expect(heard).toEqual(['paste']);
    expect(cleanedUp).toHaveBeenCalledOnce();
    expect(ctx.isValid).toBe(false);
  });

  it('tells its listeners of in-page navigations, as WXT’s location-change event does', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const changes = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', changes);
    history.pushState({}, '', '/elsewhere');
    vi.advanceTimersByTime(1_000);
    expect(changes).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(3_000);
    expect(changes).toHaveBeenCalledOnce();
    ctx.notifyInvalidated();
    history.pushState({}, '', '/again');
    vi.advanceTimersByTime(2_000);
    expect(changes).toHaveBeenCalledOnce();
  });

  it('announces nothing to the page when it starts (WXT’s does, with an event and a message)', () => {
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const posted = vi.spyOn(window, 'postMessage');
    try {
      new ContentScriptContext('content');
      expect(dispatched).not.toHaveBeenCalled();
      expect(posted).not.toHaveBeenCalled();
    } finally {
      dispatched.mockRestore();
      posted.mockRestore();
    }
  });
});
