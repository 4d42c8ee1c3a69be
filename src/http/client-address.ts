import { isIPv4, isIPv6 } from 'node:net';
import type { Request } from 'express';

/** The eight 16-bit groups of an IPv6 address, zero-padded; an embedded IPv4 tail becomes two groups. */
function ipv6Groups(address: string): string[] {
  let text = address.split('%')[0] ?? '';
  const ipv4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (ipv4Tail?.[1] && isIPv4(ipv4Tail[1])) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Tail[1].split('.').map(Number);
    text = `${text.slice(0, -ipv4Tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...middle, ...right].map((group) => group.toLowerCase().padStart(4, '0'));
}

/**
 * What limits count by: an IPv4 address as it is, an IPv6 address by its /64, since one subscriber
 * is given a whole /64 and could otherwise take a fresh address for every request.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The client's address as `trust proxy` (TRUST_PROXY) resolves it; X-Forwarded-For counts only behind a trusted proxy. */
export function clientAddress(request: Request): string {
  return addressKey(request.ip ?? request.socket.remoteAddress ?? 'unknown');
}
