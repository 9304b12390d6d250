// ESLint for the whole repository (STYLE.md "Layout and layers", DESIGN.md §4 "Lint").
// Type-aware: the Node side is checked against tsconfig.json, the renderer against
// tsconfig.web.json (DOM, no Node types). The import-layer rules live in .dependency-cruiser.cjs,
// which resolves the real import graph; `npm run lint` runs both.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

export default defineConfig(
  globalIgnores(['dist/', 'release/', 'node_modules/', 'test-results/', 'resources/', '.ci/', 'coverage/']),

  {
    linterOptions: {
      // A disable comment that no longer suppresses anything is an error, so none outlive their reason.
      reportUnusedDisableDirectives: 'error',
      reportUnusedInlineConfigs: 'error',
    },
  },

  js.configs.recommended,
  comments.recommended,
  {
    rules: {
      // STYLE.md: "An eslint-disable always says why" — `// eslint-disable-next-line rule -- reason`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      // STYLE.md: "No default exports."
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'No default exports (STYLE.md): export a named binding.' },
        { selector: 'ExportSpecifier[exported.name="default"]', message: 'No default exports (STYLE.md): export a named binding.' },
      ],
    },
  },

  // TypeScript: recommended rules with type information.
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The first tsconfig that includes a file gives its types: src/shared is checked as Node side
        // (tsconfig.json) and, by `npm run typecheck`, also as web side.
        project: ['./tsconfig.json', './tsconfig.web.json'],
        tsconfigRootDir: root,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // STYLE.md: "@ts-expect-error always says why"; @ts-ignore never (it hides the error it no longer needs).
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true },
      ],
    },
  },

  // The renderer: React's rules of hooks (and the React Compiler's checks), browser globals.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  // Scripts the browser suite evaluates inside the page: tsconfig.json leaves them out (they are not
  // Node code) and no other tsconfig takes them in, so they are linted without type information.
  {
    files: ['test/e2e/web/**/*.browser.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.browser },
  },

  // Plain JavaScript (build scripts, the bin launcher, configs): no tsconfig includes it, so no type
  // information; Node globals.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // Tool configs whose loaders read a default export (vite, vitest, drizzle-kit, ESLint itself).
  {
    files: ['vite.config.ts', 'vitest.config.ts', 'drizzle.config.ts', 'drizzle.datacenter.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
