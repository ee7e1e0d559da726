import { isIP } from 'node:net';

/**
 * `TRUSTED_PROXIES`: the reverse proxies whose `X-Forwarded-For` a service believes, as a
 * comma-separated list of addresses and CIDR ranges (`10.0.3.7`, `10.42.0.0/24`, `::1`).
 * Unset or empty trusts no one: the client address is the connection's peer, so a caller inside
 * the cluster or the intranet cannot pick its own address (and its own per-address limits) by
 * sending the header. Each entry names what actually sits in front of the service: the launcher's
 * gateway on loopback, compose's nginx, the cluster's ingress controller.
 */
export function parseTrustedProxies(raw: string | undefined, problems: string[]): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length)
    problems.push(
      `TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges, e.g. 10.0.3.7,10.42.0.0/24 (got "${bad.join('", "')}")`,
    );
  return bad.length ? [] : entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
