/**
 * One number format per language for every screen, document and (later) export. Amounts are grouped
 * from four digits on in every language: Spanish's own rule (minimum grouping digits 2) writes 9265,66 €
 * beside 203.226,63 €; we write 9.265,66 €. Formatters are cached: building one costs far more than
 * using one, and a 500-line document formats thousands of amounts.
 */
const formatters = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  // Built by hand, not by JSON.stringify: this runs for every number of every row a list draws.
  let key = locale;
  for (const name in options) key += `|${name}=${String(options[name as keyof Intl.NumberFormatOptions])}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { useGrouping: 'always', ...options });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A page's first number format costs ~25 ms on a small office PC (the browser sets up its locale data;
 * later ones, in any locale, are quick): called while the page waits for the user, not when a list draws its rows.
 */
export function warmUpNumberFormats(): void {
  numberFormat('en').format(1);
}
