'use strict';
/**
 * Runtime resolver for the `@petition/<lib>` path aliases in the compiled image.
 *
 * tsc type-checks the aliases from tsconfig.base.json but leaves `require('@petition/contracts')`
 * as written, and Node would then look for it in node_modules and fail. Every alias follows one
 * convention (`@petition/<lib>` -> `libs/<lib>/src/index.ts`), so after `tsc -p
 * tsconfig.build.json` the target is `dist/libs/<lib>/src/index.js`. Patching
 * Module._resolveFilename is the smallest hook that covers every require, including the lazy ones
 * in main.ts; it is loaded first with `node -r ./deploy/register-paths.js dist/...`.
 *
 * Development and tests never load this file: they run TypeScript through @swc-node/register and
 * Jest's moduleNameMapper, which read the aliases from tsconfig.base.json directly.
 */
const Module = require('node:module');
const path = require('node:path');

const ALIAS = /^@petition\/([a-z0-9-]+)$/;
const distLibs = path.resolve(__dirname, '..', 'dist', 'libs');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolvePetitionAlias(request, parent, isMain, options) {
  const match = ALIAS.exec(request);
  const target = match ? path.join(distLibs, match[1], 'src', 'index.js') : request;
  return resolveFilename.call(this, target, parent, isMain, options);
};
