/**
 * @module loopback
 * Whether a listen address is loopback-only, which decides if reads are open without a token.
 */
import { BlockList, isIP } from 'node:net';

// The whole of 127.0.0.0/8 is loopback, and IPv4-mapped IPv6 addresses of it as well.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/**
 * True when `host` binds only the loopback interface (`0.0.0.0`, `::` and names other than
 * `localhost` are not).
 * @example isLoopback('127.0.0.2') === true && isLoopback('0.0.0.0') === false
 */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  const family = isIP(h);
  if (family === 0) return false;
  return LOOPBACK.check(h, family === 4 ? 'ipv4' : 'ipv6');
}
