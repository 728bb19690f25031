import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', '.tmp/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Every spreadsheet cell the server writes goes through server/platform/spreadsheet/writer.ts (formula injection).
    files: ['server/**/*.ts'],
    ignores: ['server/platform/spreadsheet/writer.ts', '**/*.test.ts', 'server/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='addRow']",
          message: 'Write rows with addSafeRow from server/platform/spreadsheet/writer.ts (formula injection).',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(values|columns)$/]:not([right.callee.name=/^safe/])',
          message: 'Wrap row values and columns in safeValues/safeColumns from server/platform/spreadsheet/writer.ts.',
        },
      ],
    },
  },
  {
    // lib/ is shared by server and web: no Node or DOM APIs there.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', '../server/*', '../../server/*', '../web/*', '../../web/*'] },
      ],
    },
  },
);
