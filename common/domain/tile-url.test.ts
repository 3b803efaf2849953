import { describe, expect, it } from 'vitest';
import { isTileUrl, tileAddress } from './tile-url';

describe('isTileUrl', () => {
  it('accepts http and https templates with {z}, {x} and {y}', () => {
    expect(isTileUrl('https://tiles.gov.local/{z}/{x}/{y}.png')).toBe(true);
    expect(isTileUrl('http://10.1.2.3:8080/wmts?z={z}&x={x}&y={y}')).toBe(true);
  });

  it('refuses other schemes, missing placeholders, credentials, spaces and over-long addresses', () => {
    expect(isTileUrl('ftp://tiles.gov.local/{z}/{x}/{y}.png')).toBe(false);
    expect(isTileUrl('javascript:alert(1)//{z}{x}{y}')).toBe(false);
    expect(isTileUrl('file:///tiles/{z}/{x}/{y}.png')).toBe(false);
    expect(isTileUrl('https://tiles.gov.local/{z}/{x}.png')).toBe(false);
    expect(isTileUrl('https://user:secret@tiles.gov.local/{z}/{x}/{y}.png')).toBe(false);
    expect(isTileUrl('https://tiles.gov.local/{z}/{x}/{y} .png')).toBe(false);
    expect(isTileUrl(`https://tiles.gov.local/${'a'.repeat(500)}/{z}/{x}/{y}.png`)).toBe(false);
    expect(isTileUrl('not a url {z}{x}{y}')).toBe(false);
  });

  it('fills a tile address', () => {
    expect(tileAddress('https://t/{z}/{x}/{y}.png', 12, 3405, 1560)).toBe('https://t/12/3405/1560.png');
  });
});
