// A quiet, dense theme for all-day work: system fonts (the app is offline), one blue accent,
// compact controls and clear focus rings for keyboard users. Built per language so the close
// buttons Mantine draws itself have a translated accessible name.
import { createTheme, type MantineThemeOverride } from '@mantine/core';

export function appTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 7, dark: 5 },
    defaultRadius: 'sm',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontFamilyMonospace: 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
    headings: { fontWeight: '650' },
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
      Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.4 }, closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
    },
  });
}
