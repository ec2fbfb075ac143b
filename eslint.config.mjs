// Lint for the sources `npm test` checks: typescript-eslint's recommended rules on the server,
// the client and its webviews, the tests and the scripts. Not type-aware (no parserOptions.project):
// it stays a few seconds on the shared machine, and `tsc -b` already type-checks everything.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What Node scripts use without importing it (the `globals` package would be one more dependency for this). */
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'TextDecoder', 'TextEncoder', 'AbortController', 'fetch', 'performance', 'structuredClone'].map((name) => [name, 'readonly']),
);
const commonJsGlobals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/out/', '**/dist/', 'test-out/', 'test-artifacts/', '.vscode-test/'],
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'client/webview/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{js,mjs}', 'test/**/*.{js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // `_name` marks a parameter a signature needs but the body does not (LSP handlers, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests probe what a page or the extension host hands back untyped (webview messages, page
      // globals such as window.__vscodeState, e2e snapshots): `any` keeps those probes short.
      '@typescript-eslint/no-explicit-any': 'off',
      // Patterns match storyboard text as written, whose fields are indented by two spaces.
      'no-regex-spaces': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'test/**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // Mocha's reporter API loads reporters with require(): this one is CommonJS.
    files: ['test/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
