import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-console': 'error',
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/kernel/**', 'src/modules/*/*.ts'],
    ignores: ['src/modules/*/*.service.ts', 'src/modules/*/*.repository.ts', 'src/modules/*/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/platform/**', 'node:*', 'pg', '@electric-sql/*', 'fastify', '**/web/**', '**/api/**', '**/app/**'], message: 'Pure domain code must not do I/O or reach adapters.' },
      ] }],
    },
  },
  {
    files: ['src/web/**', 'src/api/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/*.repository.ts', '**/platform/db/**', 'pg', '@electric-sql/*'], message: 'Adapters reach data through module services only.' },
        { group: ['**/modules/*/*', '!**/modules/*/index.ts'], message: 'Import a module only through its index.ts.' },
      ] }],
      // Time comes from the injected Clock: services decide with it, adapters never read the system's.
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No `new Date()` in adapters: the services decide with the injected Clock.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No `Date.now()` in adapters: the services decide with the injected Clock.' },
      ],
    },
  },
  {
    // Copy, not code: one key a line in each language.
    files: ['src/web/**/uk*.ts', 'src/web/**/en*.ts'],
    rules: { 'max-lines': 'off' },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**', '**/*.test.ts'],
    rules: { 'no-console': 'off', 'max-lines-per-function': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly' } },
  },
);
