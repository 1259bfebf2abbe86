// WCAG 2.1 contrast arithmetic for the theme: text must read at 4.5:1 against what it sits on
// (success criterion 1.4.3). The theme derives its text colours from Mantine's palette with
// readableOn() instead of hand-picking hex values, so every colour, in both schemes, passes.

export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) throw new Error(`Not a hex colour: ${hex}`);
  const digits = match[1]!.length === 3 ? [...match[1]!].map((d) => d + d).join('') : match[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance as WCAG defines it (sRGB channels linearised). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return from.map((c, i) => c + (to[i]! - c) * amount) as unknown as Rgb;
}

/**
 * `color` as it is when it already reads at `min` against `background`; otherwise moved towards black
 * (on a light background) or white (on a dark one) just far enough to. The hue stays recognisable: a
 * warning stays amber, only darker. `min` defaults to a little over AA's 4.5 so rounding in a browser's
 * colour pipeline never tips a colour under it.
 */
export function readableOn(color: string, background: string, min = 4.6): string {
  const start = parseHex(color);
  const target: Rgb = relativeLuminance(background) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 0; step <= 50; step++) {
    const candidate = toHex(mix(start, target, step / 50));
    if (contrastRatio(candidate, background) >= min) return candidate;
  }
  return toHex(target);
}
