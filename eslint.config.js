// The lint run by the test command: typescript-eslint's recommended rules, the architecture's boundaries
// (docs/architecture.md), and nothing about formatting (Prettier has its own check: pnpm format:check).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';
import { noCrossAppImports } from './scripts/eslint/no-cross-app-imports.js';

const SERVER = 'apps/server/src';
/** The server's features, each importable from outside its folder through its index.ts only. */
const FEATURES = [
  'triage',
  'routing',
  'sla',
  'conversations',
  'outbound',
  'ingest',
  'reports',
  'csat',
  'out-of-hours',
  'canned',
  'contacts',
  'mentions',
  'search',
];
/** Which feature may import which: a DAG, so no circle can form (docs/architecture.md). */
const FEATURE_DAG = {
  triage: [],
  routing: ['triage'],
  sla: ['routing', 'triage'],
  conversations: ['routing', 'triage'],
  outbound: [],
  ingest: [],
  search: [],
  reports: [],
  csat: ['outbound'],
  'out-of-hours': ['routing', 'outbound'],
  canned: [],
  contacts: [],
  mentions: [],
};

const serverElements = [
  { type: 'server-lib', pattern: [`${SERVER}/lib`, `${SERVER}/db`] },
  { type: 'server-models', pattern: `${SERVER}/models` },
  { type: 'server-domain', pattern: `${SERVER}/domain` },
  ...FEATURES.map((feature) => ({ type: `server-${feature}`, pattern: `${SERVER}/${feature}` })),
  { type: 'server-http', pattern: `${SERVER}/http` },
  { type: 'server-socket', pattern: `${SERVER}/socket` },
  { type: 'server-listeners', pattern: `${SERVER}/listeners` },
  // The files directly in src/ (the composition root): a file in a folder above belongs to that folder's layer.
  { type: 'server-root', pattern: SERVER },
];

const desktopElements = ['renderer', 'contract', 'engine', 'service', 'node-host', 'host', 'main', 'preload'].map(
  (part) => ({
    type: `desktop-${part}`,
    pattern: `apps/desktop/src/${part}`,
  }),
);

const DEPENDENCY_MESSAGE =
  '{{ from.element.type }} may not import {{ to.element.type }} (layers import only downward, features only through index.ts and along the DAG: docs/architecture.md)';

const below = ['server-lib', 'server-models', 'server-domain'];
const entryOf = (feature) => ({ element: { type: `server-${feature}`, fileInternalPath: 'index.ts' } });
const anyFeatureEntry = FEATURES.map(entryOf);
const allow = (from, ...to) => ({ from: { element: { type: from } }, allow: { to } });
/** A layer imports nothing of its app's other layers unless a later policy allows it (the last match decides). */
const closed = (from, scope) => ({ from: { element: { type: from } }, disallow: { to: { element: { type: scope } } } });
const elements = (...types) => types.map((type) => ({ element: { type } }));

const serverPolicies = [
  ...serverElements.map(({ type }) => closed(type, 'server-*')),
  allow('server-lib', ...elements('server-lib')),
  allow('server-models', ...elements('server-lib', 'server-models')),
  allow('server-domain', ...elements(...below)),
  ...FEATURES.map((feature) =>
    allow(`server-${feature}`, ...elements(...below, `server-${feature}`), ...FEATURE_DAG[feature].map(entryOf)),
  ),
  allow('server-http', ...elements(...below, 'server-http'), ...anyFeatureEntry),
  allow('server-socket', ...elements(...below, 'server-socket'), ...anyFeatureEntry),
  allow('server-listeners', ...elements(...below, 'server-socket', 'server-listeners'), ...anyFeatureEntry),
  allow(
    'server-root',
    ...elements(...below, 'server-http', 'server-socket', 'server-listeners', 'server-root'),
    ...anyFeatureEntry,
  ),
];

/**
 * The renderer is browser code: it sees the contract only, never the Node side behind the bridge; the preload
 * sees the contract only. Their tests run in Node and may start what the code talks to (a host, main's IPC).
 */
const desktopPolicies = [
  closed('desktop-renderer', 'desktop-*'),
  closed('desktop-preload', 'desktop-*'),
  allow('desktop-renderer', ...elements('desktop-renderer', 'desktop-contract')),
  allow('desktop-preload', ...elements('desktop-preload', 'desktop-contract')),
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.test-artifacts/**', '**/.data/**', 'apps/desktop/dist-electron/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      // Unused names are the compiler's to report (noUnusedLocals/noUnusedParameters); `_name` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // A path reference is how nlp.js's hand-written declarations travel with the files that use them.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { boundaries, local: { rules: { 'no-cross-app-imports': noCrossAppImports } } },
    settings: {
      'boundaries/elements': [...serverElements, ...desktopElements],
      'import/resolver': {
        typescript: {
          alwaysTryTypes: true,
          project: ['apps/*/tsconfig.json', 'packages/*/tsconfig.json', 'bench/tsconfig.json', 'scripts/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: {
      'local/no-cross-app-imports': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          message: DEPENDENCY_MESSAGE,
          policies: serverPolicies,
        },
      ],
    },
  },
  {
    files: ['apps/desktop/src/{renderer,preload}/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'boundaries/dependencies': [
        'error',
        { default: 'allow', message: DEPENDENCY_MESSAGE, policies: desktopPolicies },
      ],
    },
  },
  {
    files: ['apps/desktop/src/renderer/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'the renderer runs in a browser: no Node built-ins' }] },
      ],
    },
  },
  {
    files: ['apps/desktop/src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'the engine runs in plain Node too: no Electron' }] },
      ],
    },
  },
  prettier,
);
