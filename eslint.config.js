import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** Only the Electron shell files may import electron (as in Signal and VS Code). */
const shellFiles = ['main/index.ts', 'main/shell/**/*.ts', 'preload/index.ts', 'test/e2e/electron/**/*.ts'];

const noImport = (patterns) => ['error', { patterns }];

/**
 * The store worker's files (main/store/store-worker.ts and what it runs): only they open SQLite. The rest
 * of main reaches the store through StoreClient and may import these files for their types only.
 */
const storeWorkerFiles = [
  'main/store/store-worker.ts',
  'main/store/store-operations.ts',
  'main/store/database.ts',
  'main/store/migrations.ts',
  'main/store/*-repo.ts',
  'main/store/text-search.ts',
  'main/store/history-resume.ts',
  'main/store/imported-rows.ts',
  'main/store/favorites-record-reader.ts',
  'main/store/favorites-restore.ts',
  'main/search/message-search-index.ts',
];

export default ts.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'test/screenshots/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['main/**/*.ts'],
    ignores: shellFiles,
    rules: {
      'no-restricted-imports': noImport([
        { group: ['electron'], message: 'Only the Electron shell files import electron.' },
        { group: ['**/renderer/**'], message: 'Main code never imports renderer code.' },
      ]),
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: storeWorkerFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:sqlite', message: 'Only the store worker opens SQLite.', allowTypeImports: true },
          ],
          patterns: [
            {
              group: [
                '**/store/*-repo.ts',
                '**/store/database.ts',
                '**/store/migrations.ts',
                '**/store/history-resume.ts',
                '**/store/imported-rows.ts',
                '**/store/favorites-record-reader.ts',
                '**/store/favorites-restore.ts',
              ],
              message:
                'The store runs in its worker: call it through StoreClient (main/store/store-client.ts).',
              allowTypeImports: true,
            },
            {
              group: [
                '**/store/store-operations.ts',
                '**/store/store-worker.ts',
                '**/search/message-search-index.ts',
              ],
              message:
                'The store runs in its worker: call it through StoreClient (main/store/store-client.ts).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Main tells the window codes, never sentences (preload/app-errors.ts): the only words an error may
    // carry are the server's, taken from its answer.
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='serverMessage'] > :matches(Literal, TemplateLiteral)",
          message: 'serverMessage holds only the server’s own words, as its answer gave them.',
        },
        {
          selector:
            'Property[key.name=/^(message|reason|label|text)$/] > TemplateLiteral[expressions.length>0]',
          message: 'Sentences are the window’s: report a code with parameters (preload/app-errors.ts).',
        },
      ],
    },
  },
  {
    files: ['main/index.ts', 'main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['**/renderer/**'], message: 'Main code never imports renderer code.' },
      ]),
    },
  },
  {
    // test/bench/virtua: the message list's scroller on virtua, built into the window for the bench only.
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte', 'test/bench/virtua/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': noImport([
        { group: ['electron'], message: 'The renderer reaches main only through window.ryze.' },
        { group: ['**/main/**'], message: 'Renderer code never imports main code.' },
        { group: ['node:*'], message: 'The renderer has no Node APIs.' },
      ]),
    },
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/index.ts'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['electron'], message: 'Only preload/index.ts imports electron.' },
        { group: ['**/main/**', '**/renderer/**'], message: 'The contract stands alone.' },
      ]),
    },
  },
  {
    files: ['test/**/*.ts'],
    ignores: ['test/e2e/electron/**'],
    rules: {
      'no-restricted-imports': noImport([{ group: ['electron'], message: 'Tests run without Electron.' }]),
    },
  },
);
