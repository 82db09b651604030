// Lint: type-aware rules on, and the layering of STYLE.md rule 1 enforced by no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (from, banned) => ({
  files: [`src/${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((b) => ({
          group: [`**/${b}/**`, `../${b}/*`, `../../${b}/*`, `../../../${b}/*`],
          message: `src/${from} must not import from src/${b} (see STYLE.md rule 1).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Conditions are data, CEL values come back untyped: the unsafe-* family would flag every boundary.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['bin/**/*.js', '*.config.js', '.ci/**/*.js', 'bench/**/*.mjs'], languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } } },
  layer('domain', ['storage', 'importers', 'api', 'cli', 'web']),
  layer('storage', ['importers', 'api', 'cli', 'web']),
  layer('importers', ['api', 'cli', 'web']),
  layer('api', ['cli', 'web']),
  // The web app talks to Casus only through the HTTP API: nothing of src/ is bundled into it.
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/domain/**', '**/src/knowledge/**', '**/src/storage/**', '**/src/api/**', '**/src/cli/**'], message: 'web/ talks to Casus through the HTTP API only (see docs/web.md).' }] }],
    },
  },
);
