// Lint: typescript-eslint's recommended rules everywhere, React's hook rules in the renderer.
// `npm run lint` (eslint + prettier --check) runs in .ci/run before the tests and fails CI on an error.

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'coverage/', '**/*.snap'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // tsc already enforces these (noUnusedLocals/Parameters); the linter would only repeat them.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // These regexes exist to find control characters (escaping what a terminal or a generated line would act on).
    files: ['core/runbook/visible-text.ts', 'core/runbook/visible-text.test.ts', 'core/runbook/generated-lines.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests read channel replies whose shape each assertion states; `any` there is the assertion's, not the product's.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.fixture.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The classic hook rules; the React Compiler's own checks (refs, set-state-in-effect, purity …) are
    // for code the compiler rewrites, and this renderer is not compiled by it.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
