import { describe, expect, it } from 'vitest';
import { parseTileSetting } from '../../../src/lib/map/tiles';

describe('parseTileSetting', () => {
  it('is null without a URL (the map then needs no network)', () => {
    expect(parseTileSetting(undefined, 'x')).toBeNull();
    expect(parseTileSetting('  ', undefined)).toBeNull();
  });

  it('accepts http(s) and root-relative templates with {z}/{x}/{y}', () => {
    expect(parseTileSetting('https://tiles.example.org/{z}/{x}/{y}.png', ' © OSM ')).toEqual({ url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© OSM' });
    expect(parseTileSetting('/tiles/{z}/{x}/{y}.png', undefined)).toEqual({ url: '/tiles/{z}/{x}/{y}.png', attribution: '' });
  });

  it.each(['ftp://x/{z}/{x}/{y}', 'https://x/{z}/{x}.png', 'tiles/{z}/{x}/{y}'])('rejects %s, naming it', (url) => {
    expect(() => parseTileSetting(url, undefined)).toThrow(url);
  });
});
