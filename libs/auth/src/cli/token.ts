import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Role } from '@petition/contracts';
import { DEV_JWT_SECRET, signStaffToken } from '../jwt';

/**
 * `npm run token -- --role <role> [--role <role>] [--unit <unitId>] [--sub <id>] [--ttl 8h]`
 * prints a staff JWT signed with JWT_SECRET (or the documented development secret).
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      unit: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const known = Object.values(Role) as string[];
  if (values.help || !values.role?.length) {
    process.stderr.write(`usage: npm run token -- --role <${known.join('|')}> [--unit <unitId>] [--sub <userId>] [--ttl 8h]\n`);
    process.exit(values.help ? 0 : 2);
  }
  const bad = values.role.filter((r) => !known.includes(r));
  if (bad.length) {
    process.stderr.write(`unknown role(s): ${bad.join(', ')}; known: ${known.join(', ')}\n`);
    process.exit(2);
  }
  const secret = process.env.JWT_SECRET ?? DEV_JWT_SECRET;
  const token = signStaffToken(
    { sub: values.sub ?? `dev-${randomUUID()}`, roles: values.role as Role[], unitId: values.unit ?? null },
    secret,
    values.ttl,
  );
  process.stdout.write(`${token}\n`);
}

main();
