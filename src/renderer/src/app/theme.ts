// A quiet, dense theme for all-day work: system fonts (the app is offline), one blue accent,
// compact controls and clear focus rings for keyboard users. Built per language so the close and
// clear buttons Mantine draws itself have a translated accessible name.
//
// Light and dark schemes both meet WCAG 2.1 AA contrast: Mantine's stock text colours do not (dimmed
// grey #868e96 reads 3.3:1 on white, the light badges' yellow 2.7:1, white on blue.7 4.2:1), so
// `readableColors` derives every text colour from the palette with readableOn() rather than
// hand-picked hex values, and a new colour used anywhere is readable in both schemes.
import { createTheme, darken, DEFAULT_THEME, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';
import { readableOn, relativeLuminance, toHex } from './contrast';

type Palette = typeof DEFAULT_THEME.colors;
type Variables = Record<string, string>;

/**
 * The colour variables Mantine's variants read, per scheme, made readable against the surfaces they
 * are drawn on: `-filled` carries white text (buttons, badges, the pager), `-text` is `c="teal"` on a
 * page or a striped row, `-light-color` is the text of light badges, alerts and subtle buttons on
 * their tinted background (checked against the hover tint, the darker of the two).
 */
export function readableColors(colors: Palette): { light: Variables; dark: Variables } {
  const white = '#ffffff';
  const hues = Object.keys(colors).filter((name) => name !== 'dark' && name !== 'gray');
  // Dimmed text also sits on tinted rows (a selected row, a highlighted order line): the light tints
  // of every hue, and their dark-scheme counterparts (Mantine's `-light` there: shade 9, darkened).
  const darkest = (backgrounds: string[]) => backgrounds.reduce((a, b) => (relativeLuminance(b) < relativeLuminance(a) ? b : a));
  const lightest = (backgrounds: string[]) => backgrounds.reduce((a, b) => (relativeLuminance(b) > relativeLuminance(a) ? b : a));
  const darkTint = (name: string) => toHex(parseRgb(darken(colors[name]![9], 0.5)));
  const light: Variables = {
    '--mantine-color-dimmed': readableOn(colors.gray[6], darkest([colors.gray[2], ...hues.map((name) => colors[name]![1])])),
    '--mantine-color-placeholder': readableOn(colors.gray[5], white),
  };
  const dark: Variables = {
    '--mantine-color-dimmed': readableOn(colors.dark[2], lightest([colors.dark[5], ...hues.map(darkTint)])),
    '--mantine-color-placeholder': readableOn(colors.dark[3], colors.dark[6]),
  };
  for (const [name, shades] of Object.entries(colors)) {
    const filled = readableOn(shades[8], white);
    const filledHover = readableOn(shades[9], white, 5.5);
    const lightText = readableOn(shades[8], colors.gray[2]);
    Object.assign(light, {
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: filledHover,
      [`--mantine-color-${name}-text`]: lightText,
      [`--mantine-color-${name}-outline`]: lightText,
      [`--mantine-color-${name}-light-color`]: readableOn(shades[9], shades[2]),
    });
    const darkText = readableOn(shades[4], colors.dark[5]);
    Object.assign(dark, {
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: filledHover,
      [`--mantine-color-${name}-text`]: darkText,
      [`--mantine-color-${name}-outline`]: darkText,
      [`--mantine-color-${name}-light-color`]: readableOn(shades[0], colors.dark[5]),
    });
  }
  // Form errors are text: red.6 (light) and red.8 (dark) are Mantine's picks and both read under 4.5:1.
  light['--mantine-color-error'] = light['--mantine-color-red-text']!;
  dark['--mantine-color-error'] = dark['--mantine-color-red-text']!;
  light['--mantine-color-anchor'] = light['--mantine-color-blue-text']!;
  dark['--mantine-color-anchor'] = dark['--mantine-color-blue-text']!;
  return { light, dark };
}

/** `rgba(r, g, b, a)` or `rgb(r, g, b)`, as Mantine's colour functions return them. */
function parseRgb(color: string): [number, number, number] {
  const channels = /rgba?\(([^)]+)\)/.exec(color)?.[1]?.split(',').map((c) => Number(c.trim()));
  if (!channels || channels.length < 3) throw new Error(`Not an rgb() colour: ${color}`);
  return [channels[0]!, channels[1]!, channels[2]!];
}

/**
 * Mantine's variables made readable, plus the app's own: `--app-color-canvas`, the page behind cards
 * and tables (a light grey by day, darker than the cards by night).
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const { light, dark } = readableColors(theme.colors);
  return {
    variables: {},
    light: { ...light, '--app-color-canvas': theme.colors.gray[0] },
    dark: { ...dark, '--app-color-canvas': theme.colors.dark[8] },
  };
};

/**
 * Mantine colours a menu item (`<Menu.Item color="red">`) with shade 6 of its colour, which reads
 * 3.3:1 on white: inside menus, shade 6 of the hues is their readable text colour instead. The greys
 * stay: dark.6 is the menu's own background in the dark scheme.
 */
function readableMenuColors(colors: Palette): Record<string, string> {
  const hues = Object.keys(colors).filter((name) => name !== 'dark' && name !== 'gray');
  return Object.fromEntries(hues.map((name) => [`--mantine-color-${name}-6`, `var(--mantine-color-${name}-text)`]));
}

export function appTheme(labels: { close: string; clear: string }): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': labels.close };
  return createTheme({
    primaryColor: 'blue',
    // Shade 8 in both schemes: white on it reads 5:1 (blue.7, Mantine's usual light pick, reads 4.2:1).
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'sm',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontFamilyMonospace: 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
    headings: { fontWeight: '650' },
    // Every focusable element shows a ring when reached by keyboard; inputs get theirs in app.css.
    focusRing: 'auto',
    // Someone who asked the system for less motion gets dialogs, menus and toasts without transitions.
    respectReducedMotion: true,
    cursorType: 'pointer',
    components: {
      // The asterisk is decoration: screen readers (and tests) should hear "Password", not "Password *".
      InputWrapper: { defaultProps: { attributes: { required: { 'aria-hidden': true } } } },
      Button: { defaultProps: { size: 'sm' } },
      // Badges hold one or two words (a status, a kind): never let a narrow table column cut them.
      Badge: { styles: { label: { overflow: 'visible' } } },
      TextInput: { defaultProps: { size: 'sm' } },
      // A dialog gives focus back to what opened it when it closes (see lib/focus.ts for the ones unmounted while open).
      // Centred and never into the bottom band where toasts show (app.css --app-toast-band): a dialog
      // opened again right after a save (the next new company) has its buttons clear of the toast.
      Modal: {
        defaultProps: { centered: true, returnFocus: true, overlayProps: { backgroundOpacity: 0.4 }, closeButtonProps },
        styles: { content: { maxHeight: 'calc(100dvh - 2 * var(--app-toast-band))' } },
      },
      Drawer: { defaultProps: { returnFocus: true, closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
      // The × of a clearable select or date field (axe button-name, critical, without it).
      InputClearButton: { defaultProps: { 'aria-label': labels.clear } },
      // The initial-focus placeholder is a focusable child without a role, which a menu may not hold
      // (axe aria-required-children, critical); without it a menu opened by keyboard focuses its first item.
      // A closed select's list is not drawn (Mantine keeps every select's options mounted, hidden, by
      // default: a filter bar's selects cost a screen their options' render and a position measurement).
      Combobox: { defaultProps: { keepMounted: false } },
      // A loader is named ("Loading") for screen readers; a span may carry a name only with a role
      // (axe aria-prohibited-attr, serious): status also announces it politely.
      Loader: { defaultProps: { role: 'status' } },
      Menu: { defaultProps: { withInitialFocusPlaceholder: false }, styles: { dropdown: readableMenuColors(DEFAULT_THEME.colors) } },
    },
  });
}
