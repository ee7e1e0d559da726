#!/usr/bin/env node
// Completes package-lock.json with the other platforms' optional native packages.
//
// Why: packages such as @swc/core, @node-rs/jieba and unrs-resolver (Jest 30) list one optional
// dependency per platform. The registry reachable from this project's build machines serves only
// some of them, so `npm install` writes a lockfile without the others, and `npm ci` then refuses
// it as out of sync ("Missing: @swc/core-darwin-x64@ from lock file"). An entry with the version,
// `os`, `cpu` (and `libc`) that the parent's optionalDependencies imply lets `npm ci` skip those
// packages on Linux x64 exactly as it does with a lockfile written elsewhere, and an install on a
// machine of that platform with a full registry fetches them normally.
//
// Usage, after any `npm install` that changes the lockfile:  node tools/lockfile/complete-foreign-optionals.js
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const file = join(__dirname, '..', '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const OS = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];

/** os, cpu and libc from a platform suffix such as `linux-arm64-musl` or `win32-ia32-msvc`. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return null;
  const libc = os === 'linux' ? (parts.some((p) => p.startsWith('musl')) ? 'musl' : 'glibc') : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = `${path ? `${path}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[where] || lock.packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    lock.packages[hoisted] = {
      version,
      cpu: [platform.cpu],
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      license: entry.license,
      optional: true,
      os: [platform.os],
      ...(entry.engines ? { engines: entry.engines } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`added ${added} foreign-platform optional entries\n`);
