import { isIP } from 'node:net';

/**
 * TRUST_PROXY, which proxies' X-Forwarded-For to believe (Fastify's trustProxy): `false` (default),
 * `true` (the nearest hop, whoever it is), a hop count, or a comma list of proxy addresses and CIDR ranges.
 */
export function trustProxyOf(raw: string | undefined, problems: string[]): boolean | number | string[] {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false') {
    return false;
  }
  if (v === 'true') {
    return true;
  }
  if (/^\d{1,2}$/.test(v)) {
    return Number(v);
  }
  const entries = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length > 0 || entries.length === 0) {
    problems.push(`TRUST_PROXY="${v}" must be false, true, a hop count, or a comma list of addresses or CIDR ranges (not: ${bad.join(', ')})`);
    return false;
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const kind = isIP(address);
  if (kind === 0 || rest.length > 0) {
    return ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
  }
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128));
}
