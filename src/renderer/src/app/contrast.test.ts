// The contrast arithmetic against WCAG's own reference points, and the theme's derived colours
// against every surface they are drawn on, in both schemes.
import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex, readableOn, relativeLuminance } from './contrast';
import { readableColors } from './theme';

const colors = DEFAULT_THEME.colors;

describe('contrast arithmetic', () => {
  it('matches WCAG reference values', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 10);
    // The two failures the audit found: Mantine's dimmed grey and white on blue.7.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    expect(contrastRatio('#ffffff', '#1c7ed6')).toBeCloseTo(4.2, 2);
  });

  it('reads short and long hex, and refuses anything else', () => {
    expect(parseHex('#fa0')).toEqual([255, 170, 0]);
    expect(parseHex('FFAA00')).toEqual([255, 170, 0]);
    expect(() => parseHex('rgb(1,2,3)')).toThrow(/Not a hex colour/);
  });

  it('keeps a colour that already reads, and moves one that does not just past the threshold', () => {
    expect(readableOn('#212529', '#ffffff')).toBe('#212529');
    for (const [fg, bg] of [
      ['#868e96', '#ffffff'],
      ['#fab005', '#fff3bf'],
      ['#828282', '#2e2e2e'],
      ['#1c7ed6', '#ffffff'],
    ] as const) {
      const fixed = readableOn(fg, bg);
      expect(contrastRatio(fixed, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.6);
      // Not darkened (or lightened) all the way: still far from black or white.
      expect(contrastRatio(fixed, bg), `${fg} on ${bg}`).toBeLessThan(7);
    }
    // Towards black on a light background, towards white on a dark one.
    expect(relativeLuminance(readableOn('#868e96', '#ffffff'))).toBeLessThan(relativeLuminance('#868e96'));
    expect(relativeLuminance(readableOn('#828282', '#242424'))).toBeGreaterThan(relativeLuminance('#828282'));
  });
});

describe('theme colours (every palette colour, both schemes)', () => {
  const { light, dark } = readableColors(colors);
  const names = Object.keys(colors);

  it('dimmed text reads on the page, a striped, hovered or selected row, and any light tint', () => {
    const tints = names.filter((name) => name !== 'dark').map((name) => colors[name]![1]);
    for (const bg of ['#ffffff', colors.gray[0], colors.gray[1], colors.gray[2], ...tints]) expect(contrastRatio(light['--mantine-color-dimmed']!, bg), bg).toBeGreaterThanOrEqual(4.5);
    for (const bg of [colors.dark[7], colors.dark[6], colors.dark[5], colors.dark[8]]) expect(contrastRatio(dark['--mantine-color-dimmed']!, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(names)('%s: white on filled, coloured text, light badges and outlines read at 4.5:1', (name) => {
    const shades = colors[name]!;
    const v = (scheme: Record<string, string>, suffix: string) => scheme[`--mantine-color-${name}-${suffix}`]!;
    for (const scheme of [light, dark]) {
      expect(contrastRatio('#ffffff', v(scheme, 'filled'))).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio('#ffffff', v(scheme, 'filled-hover'))).toBeGreaterThanOrEqual(4.5);
    }
    for (const bg of ['#ffffff', colors.gray[1], shades[1], shades[2]]) {
      expect(contrastRatio(v(light, 'light-color'), bg)).toBeGreaterThanOrEqual(4.5);
    }
    for (const bg of ['#ffffff', colors.gray[0], colors.gray[1]]) {
      expect(contrastRatio(v(light, 'text'), bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(v(light, 'outline'), bg)).toBeGreaterThanOrEqual(4.5);
    }
    for (const bg of [colors.dark[7], colors.dark[6], colors.dark[5]]) {
      expect(contrastRatio(v(dark, 'text'), bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(v(dark, 'light-color'), bg)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('form errors and links read in both schemes', () => {
    expect(contrastRatio(light['--mantine-color-error']!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(light['--mantine-color-anchor']!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark['--mantine-color-error']!, colors.dark[7])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark['--mantine-color-anchor']!, colors.dark[7])).toBeGreaterThanOrEqual(4.5);
  });
});
