// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The dependency rule: the core (`src/`) knows no channel, and the channels do not know each
 * other. Only the app shell (`src/app/`, `src/main.ts`, `src/http-worker.ts`) wires them together.
 */
const channel = (name) => ({ regex: `(^|/)${name}/`, message: `the core must not import the ${name}/ channel; wire it in src/app instead` });
const publicApisOnly = [
  { regex: '^botbuilder[\\w-]*/lib/', message: 'use the public botbuilder API, not its lib/ internals' },
  { regex: '^natural$', message: "natural's root import loads database clients and reads .env: import from natural/lib/natural/..." },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'data/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: publicApisOnly }],
      // Input checks match control characters on purpose, to refuse them.
      'no-control-regex': 'off',
      // botbuilder's activity fields are strings compared with its string enums (ActivityTypes…).
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/app/**', 'src/main.ts', 'src/http-worker.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...publicApisOnly, channel('dialogs'), channel('voice'), channel('messaging'), channel('contacts')] }] },
  },
  {
    files: ['dialogs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...publicApisOnly, { regex: '(^|/)(voice|messaging|contacts)/', message: 'the channels do not import each other (nor contacts/)' }] }] },
  },
  {
    files: ['voice/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...publicApisOnly,
            { regex: '(^|/)(dialogs|messaging)/', message: 'the channels do not import each other' },
            { regex: '(^|/)contacts/', message: 'voice/ does not import contacts/; contacts/ uses voice/' },
          ],
        },
      ],
    },
  },
  {
    // Text messages share Twilio's plumbing with voice (the signature check), nothing else.
    files: ['messaging/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...publicApisOnly,
            { regex: '(^|/)dialogs/', message: 'the channels do not import each other' },
            { regex: '(^|/)voice/(?!twilio-signature\\.js$)', message: 'messaging/ uses only voice/twilio-signature.js of the voice channel' },
            { regex: '(^|/)contacts/', message: 'messaging/ does not import contacts/' },
          ],
        },
      ],
    },
  },
  {
    // Surveys after contacts sit above the channels: they use voice/ (the dialer, legal hours) and the core's text-invitation port; never dialogs/ or messaging/.
    files: ['contacts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...publicApisOnly, { regex: '(^|/)(dialogs|messaging)/', message: 'contacts/ uses the text-invitation port, not the channels' }] }] },
  },
  {
    files: ['src/**/*.ts', 'dialogs/**/*.ts', 'voice/**/*.ts', 'messaging/**/*.ts', 'contacts/**/*.ts'],
    ignores: ['src/http/json-body.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'express', property: 'json', message: 'use jsonBody (src/http/json-body.ts): it refuses deeply nested JSON with a 400' }],
    },
  },
  {
    // Tests read JSON answers (`await response.json()` is `any`) whose shape their assertions check.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
