import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, sameAddress } from './addresses';

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
const dotted = ([a, b, c, d]: [number, number, number, number]) => `${a}.${b}.${c}.${d}`;
const hexWords = ([a, b, c, d]: [number, number, number, number]) => `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['169.254.169.254', 'link_local'],
    ['169.254.0.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['febf::1', 'link_local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'multicast'],
    ['ff02::1', 'multicast'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link_local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:100.64.0.1', 'shared'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['2002:7f00:1::', 'loopback'],
    ['fe80::1%eth0', 'link_local'],
    ['not an address', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '203.0.114.1',
    '172.32.0.1',
    '100.128.0.1',
    '169.253.255.255',
    '2400:3200::1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });

  it('classifies an IPv4 address written as IPv4-mapped IPv6 (dotted or hex) as the IPv4 address itself', () => {
    fc.assert(
      fc.property(ipv4, (quad) => {
        const kind = classifyAddress(dotted(quad));
        expect(classifyAddress(`::ffff:${dotted(quad)}`)).toBe(kind);
        expect(classifyAddress(`::ffff:${hexWords(quad)}`)).toBe(kind);
        expect(classifyAddress(`0:0:0:0:0:ffff:${hexWords(quad)}`)).toBe(kind);
      }),
    );
  });

  it('reaches through NAT64 to the IPv4 address behind it', () => {
    fc.assert(
      fc.property(ipv4, (quad) => {
        expect(classifyAddress(`64:ff9b::${dotted(quad)}`)).toBe(classifyAddress(dotted(quad)));
      }),
    );
  });
});

describe('sameAddress', () => {
  it('matches an address with its other spellings only', () => {
    expect(sameAddress('10.0.0.1', '::ffff:10.0.0.1')).toBe(true);
    expect(sameAddress('::1', '0:0:0:0:0:0:0:1')).toBe(true);
    expect(sameAddress('fe80::1%eth0', 'fe80::1')).toBe(true);
    expect(sameAddress('10.0.0.1', '10.0.0.2')).toBe(false);
    expect(sameAddress('10.0.0.1', '64:ff9b::a00:1')).toBe(false);
    expect(sameAddress('nonsense', 'nonsense')).toBe(false);
  });
});
