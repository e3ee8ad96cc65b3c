// ESLint: typescript-eslint with type information (floating and misused promises are bugs here: an unawaited write
// or audit call can fail silently), the React hooks rules and Next's own rules. Formatting is Prettier's job
// (.prettierrc.json), so no stylistic rules here. `npm run lint`; part of `npm test`.
import js from '@eslint/js'
import nextPlugin from '@next/eslint-plugin-next'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'lib/generated/',
      'data/',
      '.e2e-data/',
      'test-results/',
      'playwright-report/',
      'tmp/',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A form's onSubmit={handleSubmit(async ...)} is how react-hook-form is used: React ignores what a handler
      // returns and handleSubmit reports the errors it catches. Everywhere else a promise given where nothing is
      // awaited (setInterval, process.on) is a bug.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `any` is allowed only where it is declared on purpose (no-explicit-any, with a reason in a disable comment):
      // JSON bodies in tests, the forms shared by several value types, promise .catch((e) => e?.code). These rules
      // then flag every use of that value (about 300 findings), which is noise, not bugs.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `async` without `await` says "this returns a promise" where a promise is expected (use case bodies, handlers).
      '@typescript-eslint/require-await': 'off',
      // `_` names a value left out on purpose: const { secret: _, ...rest } = row
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // React hooks and Next's rules in the React code only: lib/ and scripts/ have use case and database functions
    // named useCase() and useDatabase(), which are not hooks.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, nextPlugin.configs.recommended],
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // scripts and config in plain JavaScript are outside tsconfig (allowJs is off): lint them without types
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)
