// `npm run lint`: the process and layer boundaries of ARCHITECTURE.md ("Layout"), and the recommended
// rules of ESLint and typescript-eslint that need no type information, and React's rules of hooks. Formatting
// is not linted.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import boundaries from './.eslint/boundaries.mjs';

/**
 * Who may import what. Paths are from the repository root: a folder ends with `/`; `node:` stands for
 * Node's own modules. An import is refused when any entry for its file refuses it.
 */
export const importBoundaries = [
  {
    from: ['src/renderer/'],
    disallow: ['src/main/', 'src/preload/', 'electron'],
    because: 'the renderer reaches the main process only through the contract in src/shared (window.api or HTTP)',
  },
  {
    // Tests of the domain may build whole apps (createApp, the harness) around it.
    from: ['src/main/domain/'],
    files: 'sources',
    disallow: ['src/main/api/', 'src/main/transport/', 'src/main/app.ts', 'src/main/index.ts', 'src/main/server.ts', 'src/main/window.ts', 'electron'],
    because: 'the domain knows nothing of Electron, transports or handlers (transport → api → domain → db)',
  },
  {
    from: ['src/shared/'],
    files: 'sources',
    // csv-stringify's browser build: plain JavaScript, no Node API, so the CSV rules are one module for the
    // host's exports and the screens' own.
    allowOnly: ['src/shared/', 'zod', 'csv-stringify'],
    because: 'shared code runs in every process and imports only zod, the CSV writer and its own files',
  },
  {
    from: ['src/shared/'],
    files: 'tests',
    allowOnly: ['src/shared/', 'zod', 'csv-stringify', 'vitest', 'fast-check', 'csv-parse'],
    because: 'shared code runs in every process and imports only zod, the CSV writer and its own files',
  },
  {
    from: ['src/main/'],
    disallow: ['src/renderer/', 'src/preload/'],
    because: 'the main process serves the renderer; it never imports it',
  },
  {
    from: ['src/preload/'],
    files: 'sources',
    disallow: ['src/main/', 'src/renderer/'],
    because: 'the preload only forwards channels: it imports electron and the channel names',
  },
  {
    // Loading electron ties a module to the Electron binary: only the entry and the IPC transport do
    // (and the preload). A type-only import loads nothing; tests fake the module.
    from: ['src/', 'bench/', 'scripts/', 'e2e/'],
    except: ['src/main/index.ts', 'src/main/transport/ipc.ts', 'src/preload/'],
    files: 'sources',
    typeImports: false,
    disallow: ['electron'],
    because: 'only src/main/index.ts, src/main/transport/ipc.ts and the preload import electron',
  },
];

/**
 * Relative imports may climb one level at most; further up, an alias says where a module lives
 * (`@shared/…`, `@main/…`, `@renderer/…`; scripts/alias-codemod.mjs rewrote the tree to them).
 */
export const noDeepRelativeImports = {
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: '^(\\.\\./){2,}', message: 'Climb at most one level: import through an alias (@shared/…, @main/…, @renderer/…).' }] },
    ],
  },
};

export default defineConfig(
  { ignores: ['out/', 'dist/', 'release/', 'coverage/', 'e2e/artifacts/', 'bench/results/', '.electron-native/', '.scratch/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: globals.node },
    plugins: { boundaries },
    rules: {
      'boundaries/imports': ['error', importBoundaries],
      // tsc already refuses unused locals and parameters (noUnusedLocals/noUnusedParameters), with `_` names allowed.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: globals.browser },
    // Hooks are called in the same order on every render: never behind a condition, `&&`, `||` or a loop.
    // (Only this rule: the effects' dependency lists are written on purpose, each with its reason.)
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  {
    // Fakes of Electron and of Node's streams stand in for objects whose full types would add nothing.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Sanitisers: control and invisible characters are what these patterns look for, one by one.
    files: ['src/main/transport/http-policy.ts', 'src/main/documents/textLayout.ts'],
    rules: { 'no-control-regex': 'off', 'no-misleading-character-class': 'off' },
  },
  noDeepRelativeImports,
);
