import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * One import direction (as bulletproof-react's ESLint config does it):
 * app -> favorites -> data -> lib, ui -> api -> wire. The server shares only the wire format.
 * A folder named here must not be imported from the folder the rule is for.
 */
const forbid = (...folders) =>
  folders.map((folder) => ({
    group: [`../${folder}`, `../${folder}/**`, `../../${folder}`, `../../${folder}/**`],
    message: `Imports go one way: app -> favorites -> data -> lib, ui -> api -> wire. This folder may not import src/${folder}.`,
  }))
const boundaries = [
  { files: ['src/wire/**'], patterns: forbid('api', 'data', 'lib', 'ui', 'favorites', 'app', 'server') },
  { files: ['src/api/**'], patterns: forbid('data', 'lib', 'ui', 'favorites', 'app', 'server') },
  { files: ['src/ui/**'], patterns: forbid('data', 'lib', 'favorites', 'app', 'server') },
  { files: ['src/lib/**'], patterns: forbid('data', 'ui', 'favorites', 'app', 'server') },
  { files: ['src/data/**'], patterns: forbid('ui', 'favorites', 'app', 'server') },
  { files: ['src/favorites/**'], patterns: forbid('app', 'server') },
  { files: ['src/app/**'], patterns: forbid('server') },
  { files: ['src/server/**'], patterns: forbid('api', 'data', 'lib', 'ui', 'favorites', 'app') },
].map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } }))

export default tseslint.config(
  { ignores: ['dist', '.data', 'node_modules', 'coverage', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    languageOptions: { globals: { window: 'readonly', document: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // A source file is a screenful or two: past 200 lines it holds more than one thing.
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/lib/messages/**'], rules: { 'max-lines': ['error', { max: 200 }] } },
  ...boundaries,
)
