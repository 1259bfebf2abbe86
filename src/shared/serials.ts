// Serial numbers are unique per product ignoring letter case and the blanks around them: two spellings
// name the same unit when their keys are equal. The serial is stored as typed; its key is what the
// database's unique index holds and what every lookup by serial compares, so the rule lives here once.

/**
 * Blanks a scanner, a spreadsheet or a web page can leave around a serial: every Unicode White_Space
 * character (space, tab, line breaks, NBSP U+00A0, figure space U+2007, narrow NBSP U+202F, ideographic
 * space U+3000, …) and the invisible zero-width ones that copying from a page brings along (U+200B–U+200D,
 * U+2060, U+FEFF). Blanks inside a serial are part of it.
 */
const BLANK = '[\\p{White_Space}\\u200B-\\u200D\\u2060\\uFEFF]';
const EDGES = new RegExp(`^${BLANK}+|${BLANK}+$`, 'gu');

/**
 * The comparison key of a serial: NFC-normalised (a precomposed "é" and "e" + combining accent are the
 * same text), blanks around it removed, then upper- and lower-cased with the locale-independent
 * `toUpperCase`/`toLowerCase` (the same key on every machine, whatever its language). Lower-casing alone
 * would keep apart spellings that differ only in case: a capital sigma lower-cases to "ς" at the end of a
 * word and to "σ" elsewhere, and "ß" is "SS" in capitals; the round trip gives each one spelling.
 */
export function serialKey(serial: string): string {
  return serial.normalize('NFC').replace(EDGES, '').toUpperCase().toLowerCase().normalize('NFC');
}
