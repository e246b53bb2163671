/**
 * What `wxt/browser` is in content scripts (wxt.config.ts aliases it there): the browser's
 * own extension API — `browser` in Firefox and in Chromium where it has one, `chrome` in
 * older Chromium — instead of webextension-polyfill. Every frame of every page evaluates the
 * content script; the polyfill, imported there, had its module copied property by property,
 * and reading each property made the browser build every API namespace: 2–6 ms per frame in
 * Chromium 156 before the script did anything. What content scripts call works alike
 * natively: promise-returning storage and sendMessage (Manifest V3 in Chromium), and tab
 * messages are answered through `sendResponse` (messaging.ts `tabMessageListener`).
 */
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const browser: Browser = (
  scope.browser?.runtime?.id ? scope.browser : scope.chrome
) as Browser;
