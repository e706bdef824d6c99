import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** What lib/ (the domain) and its tests may never import: React, Next, the UI and content layers. */
const NOT_IN_LIB = [
  'react',
  'react-dom',
  'next',
  'next/*',
  '@/components/*',
  '@/app/*',
  '@/content/*',
  '../components/*',
  '../../components/*',
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  globalIgnores([
    '.golden-tmp/**',
    '.next/**',
    'out/**',
    'node_modules/**',
    'next-env.d.ts',
    'reports/**',
    'test-results/**',
    'playwright-report/**',
  ]),
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...NOT_IN_LIB, 'node:fs', 'fs'],
              message: 'lib/ is the domain: pure TypeScript, no React, no Next, no fs, no UI or content imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.test.ts', 'lib/**/fixtures/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: NOT_IN_LIB,
              message:
                'lib/ tests test the domain: no React, no Next, no UI or content imports (fs may read fixtures).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/*/model/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'next', 'next/*', '@/app/*', 'node:fs', 'fs'],
              message: 'A feature model is pure view logic, tested in Node: no React, no Next, no fs.',
            },
            {
              group: ['@/content/build/*', '@/content/build'],
              message: 'content/build parses content at build time only; client code must not import it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    ignores: ['**/*.test.ts', 'components/*/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/content/build/*', '@/content/build'],
              message: 'content/build parses content at build time only; client code must not import it.',
            },
          ],
        },
      ],
    },
  },
]);
