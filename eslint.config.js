import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * One import direction (as bulletproof-react's ESLint config does it):
 * app -> features (favorites, offline) -> lib, ui -> api. The server shares only the API's wire types.
 * A folder named here must not be imported from the folder the rule is for.
 */
const forbid = (...folders) =>
  folders.map((folder) => ({
    group: [`../${folder}`, `../${folder}/**`],
    message: `Imports go one way: app -> favorites, offline -> lib, ui -> api. This folder may not import src/${folder}.`,
  }))
const boundaries = [
  { files: ['src/api/**'], patterns: forbid('app', 'favorites', 'offline', 'lib', 'ui', 'server') },
  { files: ['src/ui/**'], patterns: forbid('app', 'favorites', 'offline', 'lib', 'server') },
  { files: ['src/lib/**'], patterns: forbid('app', 'favorites', 'offline', 'ui', 'server') },
  // Features never import each other.
  { files: ['src/favorites/**'], patterns: forbid('app', 'offline', 'server') },
  { files: ['src/offline/**'], patterns: forbid('app', 'favorites', 'server') },
  { files: ['src/app/**'], patterns: forbid('server') },
  { files: ['src/server/**'], patterns: forbid('app', 'favorites', 'offline', 'lib', 'ui') },
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
  ...boundaries,
)
