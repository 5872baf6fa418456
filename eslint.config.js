import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'scratch/**',
      'src/questionnaire/generated/**',
      'src/training/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The start-up shim and benchmark preload are CommonJS on purpose (faster start).
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        WebAssembly: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core stays pure: no terminal, no process exit.
    files: [
      'src/questionnaire/**',
      'src/engine/**',
      'src/scoring/**',
      'src/report/**',
      'src/training/**',
      'src/export/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@inquirer/*', 'chalk', 'commander', '../cli/*', '../prompt/*'] },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'exit' }],
    },
  },
);
