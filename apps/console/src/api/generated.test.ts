// @vitest-environment node
// The generated client must be what `npm run console:api` writes from the OpenAPI snapshots now.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/generate-api.mjs', import.meta.url));

describe('the generated API client', () => {
  it('matches the OpenAPI snapshots (run `npm run console:api` when this fails)', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
