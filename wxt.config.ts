import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

/**
 * Linkback makes no network request (README, "Permissions"). The code keeps that promise; this
 * policy makes the browser keep it too for the popup, the options page and the background:
 * they may load the extension's own files and the popup's data: thumbnail, nothing else.
 * Dev mode (`wxt`) serves pages from a local dev server, so only builds carry it.
 */
const NO_NETWORK_CSP =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

// Firefox stays on Manifest V2: its MV3 treats host permissions as optional and
// leaves them ungranted after install, so the publisher-page script would not run
// until the user found a hidden toggle. MV2 gives the same behaviour on install.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
    // Content scripts, and the page runtime they import, take the browser's own API, not the
    // polyfill: see utils/platform/content-script-browser.ts for why (every frame paid for it).
    'vite:build:extendConfig': (entrypoints, config) => {
      const inPages = (entrypoint: { type: string; name: string }) =>
        entrypoint.type === 'content-script' || entrypoint.name === 'page-runtime';
      if (!entrypoints.every(inPages)) return;
      const shim = resolve('utils/platform/content-script-browser.ts');
      // The all-pages script's context too: see utils/platform/content-script-context.ts.
      const leanContext = entrypoints.every((entrypoint) => entrypoint.name === 'content')
        ? [
            {
              find: /^wxt\/utils\/content-script-context$/,
              replacement: resolve('utils/platform/content-script-context.ts'),
            },
          ]
        : [];
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: shim },
        ...leanContext,
        ...(Array.isArray(alias)
          ? alias
          : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))),
      ];
    },
  },
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the copy records, settings and the user's choices per site.
    // scripting + host access to every site: any site may state a reuse rule, and the
    // article script that reads it is injected only when the user begins to select text
    // there (or opens the popup), so no page pays for it at load. The all-pages content
    // script already shows the same "all websites" access at install. The copy handler
    // writes to the clipboard through the copy event itself.
    // contextMenus + clipboardWrite: "Copy with attribution" and "Copy citation" from the
    // context menu and the shortcut, where the copy is not the user's own keystroke (the
    // page has no gesture to copy with), so the browser needs leave to let it write.
    permissions: ['storage', 'scripting', 'contextMenus', 'clipboardWrite'],
    commands: {
      'copy-with-attribution': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_commandCopyWithAttribution__',
      },
    },
    host_permissions: ['<all_urls>'],
    // The page runtime, imported by the all-pages script once a page is used
    // (utils/page/page-runtime.ts). Chromium serves it only under an address made up per
    // session, so pages cannot probe a fixed one to tell whether Linkback is installed;
    // Firefox's addresses are made up per installation.
    web_accessible_resources: [
      { resources: ['page-runtime.js'], matches: ['<all_urls>'], use_dynamic_url: true },
    ],
    ...(command === 'build'
      ? { content_security_policy: { extension_pages: NO_NETWORK_CSP } }
      : {}),
    action: {
      default_title: 'Linkback',
      default_icon: {
        16: '/icon/16.png',
        32: '/icon/32.png',
        48: '/icon/48.png',
        128: '/icon/128.png',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'linkback@linkback.dev',
              // data_collection_permissions arrived in Firefox 140 (142 on Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
