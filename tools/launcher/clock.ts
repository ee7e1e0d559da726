import { DEV_JWT_SECRET, signStaffToken } from '@petition/auth';
import { Role } from '@petition/contracts';
import { SERVICES, servicePort } from './services';

/**
 * `npm run clock -- show | set <ISO instant> | advance <duration>` moves the clock of every
 * running service (started with CLOCK=controllable) in one go, so a 60-day matter can be walked
 * through in seconds.
 */
async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (!command || !['show', 'set', 'advance'].includes(command) || (command !== 'show' && !arg)) {
    process.stderr.write(
      'usage: npm run clock -- show | set <ISO instant, e.g. 2026-12-01T09:00:00+08:00> | advance <duration, e.g. 3d, 36h, 1d12h>\n',
    );
    process.exit(2);
  }
  const token = signStaffToken({ sub: 'clock-cli', roles: [Role.Admin], unitId: null }, process.env.JWT_SECRET ?? DEV_JWT_SECRET, '5m');
  let failed = false;
  for (const s of SERVICES) {
    const url = `http://127.0.0.1:${servicePort(s.name)}/internal/clock`;
    try {
      const res = await fetch(url, {
        method: command === 'show' ? 'GET' : 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: command === 'show' ? undefined : JSON.stringify(command === 'set' ? { set: arg } : { advance: arg }),
      });
      const body = (await res.json()) as { now?: string; mode?: string; message?: string; details?: unknown };
      if (!res.ok) failed = true;
      process.stdout.write(
        `${s.name.padEnd(12)} ${res.ok ? `${body.now} (${body.mode})` : `error ${res.status}: ${body.message} ${JSON.stringify(body.details ?? [])}`}\n`,
      );
    } catch (err) {
      failed = true;
      process.stdout.write(`${s.name.padEnd(12)} unreachable at ${url}: ${(err as Error).message}\n`);
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();
