// No screen formats a date or a number by itself, nor puts in a date its own way: every one goes through
// src/shared/formats.ts (useFormat, <Money>, <Qty>) and the one date-input component (lib/DayInput.tsx),
// so a date shown in a field reads as it does in a list and a PDF, in every language and format setting.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const rendererRoot = join(import.meta.dirname, '..');
/** The one date-input component: it hands the shared format to Mantine's date inputs. */
const DATE_INPUT = 'lib/DayInput.tsx';

const rules: { pattern: RegExp; why: string; allowedIn?: string[] }[] = [
  { pattern: /\bIntl\s*\.\s*DateTimeFormat\b/, why: 'dates are formatted by useFormat() (date, day, dateTime, month)' },
  { pattern: /\bIntl\s*\.\s*NumberFormat\b/, why: 'numbers and money are formatted by useFormat() (qty, money, compactMoney)' },
  { pattern: /\bIntl\s*\.\s*RelativeTimeFormat\b/, why: 'relative times need a shared format first' },
  { pattern: /\.toLocale(?:Date|Time)?String\s*\(/, why: 'toLocale*String follows the browser, not the screen language and office setting' },
  { pattern: /\bnumberFormat\s*\(/, why: "numberFormat takes a locale: useFormat() knows which one (es-ES, en-GB, en-US)" },
  { pattern: /\bvalueFormat\s*=/, why: 'a date field shows the shared date pattern: use DayInput / DayRangeInput', allowedIn: [DATE_INPUT] },
  { pattern: /\bdateParser\s*=/, why: 'typed dates are read by parseTypedDay in DayInput', allowedIn: [DATE_INPUT] },
  {
    pattern: /\b(?:DateInput|DatePickerInput|DateTimePicker|MonthPickerInput|YearPickerInput)\b(?!Props)/,
    why: 'every date input is DayInput or DayRangeInput',
    allowedIn: [DATE_INPUT],
  },
  { pattern: /\.format\(\s*['"`][^'"`]*\b(?:D{1,2}|M{3,4}|Y{2,4})\b/, why: 'a date is shown with useFormat(), not a dayjs pattern of its own' },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Code without its comments, so a comment may name what it avoids. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function findings(file: string, text: string): string[] {
  const found: string[] = [];
  code(text)
    .split('\n')
    .forEach((line, index) => {
      for (const rule of rules) {
        if (rule.allowedIn?.includes(file)) continue;
        if (rule.pattern.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}  — ${rule.why}`);
      }
    });
  return found;
}

describe('formats come from one place', () => {
  it('no renderer file formats dates or numbers, or puts in dates, by itself', () => {
    const files = sources(rendererRoot);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((path) => findings(relative(rendererRoot, path).split(sep).join('/'), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the date-input component itself uses the shared pattern', () => {
    const text = readFileSync(join(rendererRoot, DATE_INPUT), 'utf8');
    expect(text).toMatch(/valueFormat=\{f\.formats\.datePattern\}/);
    expect(text).toMatch(/parseTypedDay\(text, f\.formats\)/);
  });

  it('catches each way of formatting by hand', () => {
    const bad = [
      "new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(d)",
      'const n = new Intl.NumberFormat(lang).format(x);',
      'date.toLocaleDateString()',
      'amount.toLocaleString("es")',
      "numberFormat(i18n.language).format(total)",
      '<DatePickerInput valueFormat="DD MMM YYYY" />',
      "import { DateInput } from '@mantine/dates';",
      "dayjs(ms).format('D MMM YYYY')",
    ];
    for (const line of bad) expect(findings('features/x/Page.tsx', line), line).not.toEqual([]);
    const fine = ["dayjs(from).startOf('day')", '// no Intl.DateTimeFormat here', 'f.dateTime(ms)', "type P = DateInputProps;", "t('columns.date')"];
    for (const line of fine) expect(findings('features/x/Page.tsx', line), line).toEqual([]);
  });
});
