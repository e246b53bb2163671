import { defineConfig } from 'wxt';

// Firefox stays on Manifest V2: its MV3 treats host permissions as optional and
// leaves them ungranted after install, so the publisher-page script would not run
// until the user found a hidden toggle. MV2 gives the same behaviour on install.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the copy records and settings. Nothing else is needed: the copy
    // handler writes to the clipboard through the copy event itself, and the
    // article script's match patterns are the only host access.
    permissions: ['storage'],
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
