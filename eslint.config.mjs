// ESLint 9 flat config: lint that catches real bugs (STYLE.md habit 11) and Nx module boundaries
// (habit 6). Run as `npx eslint . --max-warnings 0`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries reads the cached project graph and silently skips itself when
// there is none (a fresh clone, or plain `eslint` never preceded by an nx command). Building the
// graph here refreshes that cache, so the boundaries are enforced on every run.
await createProjectGraphAsync({ exitOnError: false });

const SERVICES = ['intake', 'dispatch', 'handling', 'supervision', 'analytics'];

/**
 * Who may import whom, by project tags (each project.json has one `scope:` and one `type:` tag).
 * A project must satisfy every constraint whose sourceTag it carries. Apps never import apps:
 * `type:app` is in no list, and Nx forbids importing an application project anyway.
 */
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:testing'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:testing'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:domain'] },
  // contracts, deadlines, clock: pure code that anything may use and that uses nothing impure.
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  // The development broker is self-contained; only the test harness and tools start it.
  { sourceTag: 'type:broker', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:broker', 'type:testing'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...SERVICES.map((svc) => ({ sourceTag: `scope:${svc}`, onlyDependOnLibsWithTags: [`scope:${svc}`, 'scope:shared'] })),
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
  // The staff console (apps/console) runs in the browser and talks to the services only over HTTP,
  // through its generated client: it imports no library of this repository, nor server packages.
  {
    sourceTag: 'type:web',
    onlyDependOnLibsWithTags: [],
    bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'express', 'class-validator', 'class-transformer', 'reflect-metadata'],
  },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: [] },
];

/** The boundary rule, with import paths that are exempt for the files of one block only. */
const boundaries = (allow = []) => ['error', { allow, depConstraints, enforceBuildableLibDependency: true }];

const TS_FILES = ['**/*.ts', '**/*.tsx'];

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', '**/.data/', '**/coverage/', '.nx/', 'tmp/']),
  ...nx.configs['flat/base'],
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,

  {
    files: TS_FILES,
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        // Type information for the type-aware rules below, from the tsconfig.json nearest each file.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // Nest injects constructor parameters by the classes that decorator metadata names at
        // runtime. With these set, consistent-type-imports knows an import used as a decorated
        // parameter's type is a value and never rewrites it to `import type` (which would leave
        // Nest resolving `Object`). They match tsconfig.base.json.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // `typeof import('./bootstrap')` stays allowed: main.ts must require the app lazily, after
        // telemetry has patched http and pg, and that is how such a require is typed.
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@nx/enforce-module-boundaries': boundaries(),
    },
  },

  {
    // One way to consume events: EventConsumerModule and @EventSubscriber() providers. A second
    // @EventPattern on a topic would run unawaited (Nest chains it), so only libs/messaging may use it
    // (and the broker's test of Nest's own Kafka transport against it).
    files: TS_FILES,
    ignores: ['libs/messaging/**', 'libs/kafka-broker/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/microservices',
              importNames: ['EventPattern', 'MessagePattern'],
              message: 'consume events with an @EventSubscriber() provider and EventConsumerModule (libs/messaging), not @EventPattern.',
            },
          ],
        },
      ],
    },
  },

  {
    // Pure libraries: no framework, database or broker code, so they stay usable anywhere.
    files: ['libs/contracts/**/*.ts', 'libs/deadlines/**/*.ts', 'libs/clock/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'kafkajs', 'kafkajs/*'],
              message: 'contracts, deadlines and clock import no Nest, TypeORM or kafkajs (STYLE.md habit 6).',
            },
          ],
        },
      ],
    },
  },

  // Import paths Nx cannot express with tags, exempted only where they are the design:
  {
    // Integration specs of any library may use the test harness; production code may not.
    files: ['**/test/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts'],
    ignores: ['apps/platform-e2e/**', 'libs/testing/**'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['^@petition/testing$']) },
  },
  {
    // The launcher and the migration step load every service's migrations and seed.
    files: ['tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['^\\.\\./\\.\\./apps/[a-z-]+/src/']) },
  },
  {
    // Platform e2e specs boot each service through the same createApp() as production.
    files: ['apps/platform-e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries([`^\\.\\./\\.\\./(${SERVICES.join('|')})/src/`]) },
  },
  {
    // Jest loads global setup outside its moduleNameMapper, so `@petition/*` cannot resolve there.
    files: ['libs/testing/src/jest/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['^\\.\\./\\.\\./\\.\\./(persistence|kafka-broker)/src']) },
  },

  {
    // The staff console: React in the browser (its type information comes from apps/console/tsconfig.json).
    files: ['apps/console/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },

  // Last: turns off stylistic rules that would fight Prettier.
  prettier,
);
