// `npm run lines`: no line of code over 120 characters. Prettier wraps code at 120 but cannot wrap a long string, a
// template, a regular expression or a comment. Long strings, templates, regular expressions and URLs are allowed
// (splitting a message or a pattern makes it harder to find and read); a long comment is not: wrap it by hand.
// ESLint's max-len rule, without type information (fast), over the same files as `npm run lint`. Also: no file in
// lib/ over 400 lines (a module that long is doing two jobs: split it by what it is about).
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'

const MAX = 120
const MAX_LIB_FILE_LINES = 400

const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    { ignores: ['node_modules/', '.next/', 'lib/generated/', 'data/', '.e2e-data/', 'test-results/', 'tmp/'] },
    { ignores: ['playwright-report/', 'next-env.d.ts'] },
    {
      files: ['**/*.{ts,tsx,mts,js,mjs,cjs}'],
      languageOptions: { parser: tseslint.parser },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: {
        'max-len': [
          'error',
          {
            code: MAX,
            tabWidth: 2,
            ignoreStrings: true,
            ignoreTemplateLiterals: true,
            ignoreRegExpLiterals: true,
            ignoreUrls: true,
          },
        ],
      },
    },
    { files: ['lib/**/*.ts'], rules: { 'max-lines': ['error', { max: MAX_LIB_FILE_LINES }] } },
  ],
  // the tree's own eslint-disable comments name rules (and plugins) this configuration does not load
  allowInlineConfig: false,
})

const results = await eslint.lintFiles(['.'])
let count = 0
for (const { filePath, messages } of results) {
  for (const m of messages) {
    if (m.ruleId === 'max-lines') {
      console.error(`${filePath.slice(process.cwd().length + 1)}: ${m.message} (files in lib/ are split by concern)`)
      process.exitCode = 1
      continue
    }
    if (m.ruleId !== 'max-len') {
      console.error(`${filePath}:${m.line}: ${m.message}`)
      process.exitCode = 1
      continue
    }
    count++
    console.log(`${filePath.slice(process.cwd().length + 1)}:${m.line}`)
  }
}
if (count) {
  console.log(`${count} lines are longer than ${MAX} characters (after \`npm run format\`, wrap what is left by hand)`)
  process.exitCode = 1
}
