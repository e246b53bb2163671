/**
 * What `wxt/utils/content-script-context` is in the all-pages content script (wxt.config.ts
 * aliases it there): WXT's ContentScriptContext for what content.ts uses of it — listeners and
 * callbacks that end with the script, and WXT's location-change event — without what each
 * frame paid for at document_start: WXT announces every instance with a CustomEvent on the
 * document (to stop an older copy of the same script) and names its events after
 * `runtime.id`, which builds the extension API in the frame's script world; the first such
 * announcement in a renderer took Chromium 156 up to 18 ms. The all-pages script is never
 * injected twice into a frame (the manifest injects it once per document; an updated
 * extension's old copy finds its runtime gone and stands aside: see isInvalid), so it needs no
 * announcement.
 */
import { browser } from 'wxt/browser';

const LOCATION_CHANGE = 'wxt:locationchange';
/** The event this context dispatches on the window when the page navigates in place. */
const OWN_LOCATION_CHANGE = 'linkback:content:locationchange';

export class ContentScriptContext {
  private readonly controller = new AbortController();
  private watchingLocation = false;

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension was reloaded or updated under the page (its API is gone). */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  block<T>(): Promise<T> {
    return new Promise(() => undefined);
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => window.clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = window.setInterval(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => window.clearInterval(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = window.requestAnimationFrame((time) => this.isValid && callback(time));
    this.onInvalidated(() => window.cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = window.requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => window.cancelIdleCallback(id));
    return id;
  }

  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    if (type === LOCATION_CHANGE) this.watchLocation();
    target.addEventListener(type === LOCATION_CHANGE ? OWN_LOCATION_CHANGE : type, handler, {
      ...options,
      signal: this.signal,
    });
  }

  /** As WXT does: the Navigation API where there is one, else a look at the address each second. */
  private watchLocation(): void {
    if (this.watchingLocation || !this.isValid) return;
    this.watchingLocation = true;
    let last = location.href;
    const check = (next: string) => {
      if (next === last) return;
      last = next;
      window.dispatchEvent(new Event(OWN_LOCATION_CHANGE));
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation?.addEventListener) {
      navigation.addEventListener(
        'navigate',
        (event) => check((event as Event & { destination: { url: string } }).destination.url),
        { signal: this.signal },
      );
    } else {
      this.setInterval(() => check(location.href), 1_000);
    }
  }
}
