import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers and the imports allowed between them (README, "Architecture"): imports point
 * down only. For each folder, the layers it must not import, and why. Import paths are
 * matched by whole folder names, relative or aliased alike ('../../platform/messaging',
 * '@/utils/page/dom'). ESLint replaces a rule's options for files matched by a later
 * config, so each folder's list is complete in itself.
 */
const ENTRYPOINTS = {
  folders: ['entrypoints'],
  why: 'entrypoints/ is wiring: nothing imports it.',
};
const LAYER_RULES = [
  {
    files: ['utils/core/**'],
    forbidden: [
      {
        folders: ['platform', 'page', 'background', 'components'],
        why: 'core is browser-free: the platform, page runtimes, services and UI build on it, never the reverse.',
      },
      ENTRYPOINTS,
    ],
    packages: {
      group: [
        'wxt',
        'wxt/**',
        '#imports',
        'webextension-polyfill',
        '@wxt-dev/**',
        'idb',
        'dompurify',
        'preact',
        'preact/**',
      ],
      message: 'core is browser-free: browser APIs, storage and UI reach it as parameters.',
    },
  },
  {
    files: ['utils/platform/**'],
    forbidden: [
      {
        folders: ['page', 'background', 'components'],
        why: 'the platform (storage, messages, IndexedDB) imports only core: page runtimes, services and UI use it.',
      },
      ENTRYPOINTS,
    ],
  },
  {
    files: ['utils/page/**'],
    forbidden: [
      {
        folders: ['background', 'components'],
        why: 'page runtimes talk to the background through messages and storage, never its code.',
      },
      {
        folders: ['storage/items'],
        why: 'content scripts read storage through platform/storage/page-values.ts: the versioned items read megabytes on definition.',
      },
      ENTRYPOINTS,
    ],
  },
  {
    files: ['utils/background/**'],
    forbidden: [
      {
        folders: ['page', 'components'],
        why: 'the background knows pages only through messages; what both need lives in core.',
      },
      ENTRYPOINTS,
    ],
  },
  {
    files: ['components/**'],
    forbidden: [
      {
        folders: ['page', 'background'],
        why: 'the UI talks to pages and the background through messages and storage items.',
      },
      ENTRYPOINTS,
    ],
  },
  {
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    forbidden: [
      {
        folders: ['storage/items'],
        why: 'content scripts read storage through platform/storage/page-values.ts: the versioned items read megabytes on definition.',
      },
      ENTRYPOINTS,
    ],
  },
];

/** `import … from` paths that name one of `folders` as a whole folder (or module) path. */
const layerPattern = ({ folders, why }) => ({
  regex: `(^|/)(${folders.join('|')})(/|$)`,
  message: why,
});

const layerBoundaries = [
  // Everything else (tests, scripts, the entrypoints themselves) may import any layer but
  // entrypoints/.
  { rules: { 'no-restricted-imports': ['error', { patterns: [layerPattern(ENTRYPOINTS)] }] } },
  ...LAYER_RULES.map(({ files, forbidden, packages }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...forbidden.map(layerPattern), ...(packages ? [packages] : [])] },
      ],
    },
  })),
  {
    // Core code takes its DOM and browser as parameters (`fn(doc: Document)`), so that the
    // same code runs on a saved page in a test.
    files: ['utils/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome', 'window', 'document', 'location', 'navigator', 'indexedDB'].map(
          (name) => ({ name, message: 'core is browser-free: take it as a parameter.' }),
        ),
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      '.cache/**',
      'node_modules/**',
      'demo-output/**',
      'test-output/**',
      'tests/e2e/editors/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // TypeScript already reports undefined names, with the right globals per file.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
          message: 'Page-supplied strings are rendered as text, never as HTML.',
        },
      ],
    },
  },
  ...layerBoundaries,
  {
    // Typed-array indexing in hot loops: the bounds are loop invariants, and `?? 0` on every
    // read would cost throughput for a case that cannot happen.
    files: [
      'utils/core/fingerprint/**',
      'utils/core/paste-index/**',
      'utils/core/republication/**',
      'utils/page/republication/**',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Tests assert on nodes they just created; a failed assertion is the error report.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
