import { isIP } from 'node:net';

/**
 * Why an address may not be the target of an outgoing request. `null` from `classifyAddress` means a public
 * address. The first four kinds can be lifted for a host an administrator names (an intranet SMS gateway or mail
 * server); the others never can (see `ALWAYS_REFUSED`).
 */
export type AddressKind =
  | 'loopback'
  | 'private'
  | 'shared' // carrier-grade NAT, 100.64.0.0/10
  | 'own_address'
  | 'link_local' // 169.254.0.0/16 (cloud metadata at 169.254.169.254), fe80::/10
  | 'unspecified' // 0.0.0.0/8, ::
  | 'multicast' // 224.0.0.0/4, ff00::/8, and the broadcast address
  | 'reserved'; // documentation, benchmarking, protocol assignments, 240.0.0.0/4, discard, site-local

/** Kinds no allowlist lifts: no intranet service lives there, and 0.0.0.0 or link-local reach the machine itself. */
export const ALWAYS_REFUSED: ReadonlySet<AddressKind> = new Set(['link_local', 'unspecified', 'multicast', 'reserved']);

type Range = { bytes: readonly number[]; prefix: number; kind: AddressKind };

const v4 = (text: string, prefix: number, kind: AddressKind): Range => ({ bytes: text.split('.').map(Number), prefix, kind });

const IPV4_RANGES: readonly Range[] = [
  v4('0.0.0.0', 8, 'unspecified'),
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'shared'),
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link_local'),
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'reserved'),
  v4('192.0.2.0', 24, 'reserved'),
  v4('192.88.99.0', 24, 'reserved'),
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'reserved'),
  v4('198.51.100.0', 24, 'reserved'),
  v4('203.0.113.0', 24, 'reserved'),
  v4('224.0.0.0', 4, 'multicast'),
  v4('255.255.255.255', 32, 'multicast'),
  v4('240.0.0.0', 4, 'reserved'),
];

const v6 = (text: string, prefix: number, kind: AddressKind): Range => ({ bytes: parseIpv6(text) ?? [], prefix, kind });

const IPV6_RANGES: readonly Range[] = [
  v6('::1', 128, 'loopback'),
  v6('::', 128, 'unspecified'),
  v6('fe80::', 10, 'link_local'),
  v6('fec0::', 10, 'private'), // site-local, deprecated but still routed inside some networks
  v6('fc00::', 7, 'private'), // unique local
  v6('ff00::', 8, 'multicast'),
  v6('100::', 64, 'reserved'), // discard-only
  v6('2001:db8::', 32, 'reserved'), // documentation
  v6('2001::', 23, 'reserved'), // IETF protocol assignments (Teredo 2001::/32 and others)
  v6('64:ff9b:1::', 48, 'reserved'), // local-use NAT64
];

function inRange(bytes: readonly number[], range: Range): boolean {
  let bits = range.prefix;
  for (let i = 0; bits > 0; i += 1, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** Parses a dotted-quad IPv4 address into 4 bytes, or null. */
function parseIpv4(text: string): number[] | null {
  if (isIP(text) !== 4) return null;
  return text.split('.').map(Number);
}

/** Parses an IPv6 address (with `::`, an embedded dotted quad, or a zone id) into 16 bytes, or null. */
function parseIpv6(input: string): number[] | null {
  const text = input.replace(/%.*$/, '');
  if (isIP(text) !== 6) return null;
  const [head = '', tail] = text.split('::') as [string, string | undefined];
  const groups = (part: string): number[] => {
    if (part === '') return [];
    const out: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const quad = parseIpv4(piece);
        if (!quad) return [];
        out.push(((quad[0] ?? 0) << 8) | (quad[1] ?? 0), ((quad[2] ?? 0) << 8) | (quad[3] ?? 0));
      } else {
        out.push(Number.parseInt(piece, 16));
      }
    }
    return out;
  };
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  if (words.length !== 8) return null;
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

/** The 4 or 16 bytes of an address, or null when the text is not an IP address. */
export function addressBytes(address: string): number[] | null {
  return parseIpv4(address) ?? parseIpv6(address);
}

/** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64 or 6to4), if it stands for one. */
function embeddedIpv4(bytes: readonly number[]): number[] | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated; :: and ::1 themselves excluded by the caller)
  if (zeros(0, 10) && ((bytes[10] === 0xff && bytes[11] === 0xff) || (bytes[10] === 0 && bytes[11] === 0))) return bytes.slice(12);
  // 64:ff9b::a.b.c.d, the well-known NAT64 prefix: the gateway connects to the IPv4 address inside
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12);
  // 2002:a.b.c.d::/48, 6to4
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return null;
}

function classifyBytes(bytes: readonly number[]): AddressKind | null {
  if (bytes.length === 4) return IPV4_RANGES.find((range) => inRange(bytes, range))?.kind ?? null;
  const direct = IPV6_RANGES.find((range) => inRange(bytes, range))?.kind;
  if (direct) return direct;
  const inner = embeddedIpv4(bytes);
  return inner ? classifyBytes(inner) : null;
}

/**
 * Classifies an IP address (IPv4, or IPv6 including the IPv4 forms written inside it) as one of the kinds an
 * outgoing request may not reach, or null for a public address. Text that is not an address counts as reserved.
 */
export function classifyAddress(address: string): AddressKind | null {
  const bytes = addressBytes(address);
  if (!bytes) return 'reserved';
  return classifyBytes(bytes);
}

/** Whether two address texts name the same address (`::ffff:10.0.0.1` and `10.0.0.1` do). */
export function sameAddress(a: string, b: string): boolean {
  const left = canonicalAddress(a);
  return left !== null && left === canonicalAddress(b);
}

/** One text per address: IPv4-mapped IPv6 becomes its IPv4 address (NAT64 and 6to4 merely lead there, so stay). */
function canonicalAddress(address: string): string | null {
  const bytes = addressBytes(address);
  if (!bytes) return null;
  const mapped = bytes.length === 16 && bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return (mapped ? bytes.slice(12) : bytes).join('.');
}
