import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
