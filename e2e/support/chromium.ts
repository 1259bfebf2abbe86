// How the end-to-end run and the UI bench (bench/ui.ts) start Chromium (playwright-core drives the system's browser;
// .ci/run installs it). One list, so both measure and test the same browser.

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Command-line switches for a headless Chromium speaking `lang`. */
export function chromiumArgs(lang: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Headless Chromium builds the address bar's suggestion popup (two WebUI pages, ~150 scripts) for
    // every new window, in a renderer of its own, while the app's page loads: on two cores it took CPU
    // from the page and the host for the first second. A user's browser built it once, at its start.
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    `--lang=${lang}`,
  ];
}
