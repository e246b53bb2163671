/**
 * What `wxt/browser` is in content scripts (wxt.config.ts aliases it there): the browser's
 * own extension API — `browser` in Firefox, `chrome` in Chromium — instead of
 * webextension-polyfill. Every frame of every page evaluates the
 * content script; the polyfill, imported there, had its module copied property by property,
 * and reading each property made the browser build every API namespace: 2–6 ms per frame in
 * Chromium 156 before the script did anything. What content scripts call works alike
 * natively: promise-returning storage and sendMessage (Manifest V3 in Chromium), and tab
 * messages are answered through `sendResponse` (messaging.ts `tabMessageListener`).
 */
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as { browser?: Browser; chrome?: Browser };

// Chromium's `chrome`, not its newer `browser`: reading `browser` first cost a frame
// 1–2 ms more in Chromium 156 than `chrome` alone (the namespace is built on first read).
export const browser: Browser = (import.meta.env.FIREFOX ? scope.browser : scope.chrome) as Browser;
