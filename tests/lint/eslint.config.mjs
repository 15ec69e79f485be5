// ESLint for the answer key's script (src/render/assets/key.js), run by ctest as lint_key_js
// from the source directory: npm ci here first (scripts/install-deps.sh test does).
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['src/render/assets/**/*.js'],
    languageOptions: {
      // A classic script inside the page, run by any current browser.
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser },
    },
    rules: {
      eqeqeq: 'error',
      strict: ['error', 'function'],
      'no-implicit-globals': 'error',
      'no-shadow': 'error',
      'no-use-before-define': ['error', { functions: false }],
      'no-unused-vars': ['error', { caughtErrors: 'all' }],
      'prefer-const': 'off',
    },
  },
];
