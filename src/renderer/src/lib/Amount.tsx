// Display helpers for table cells and summaries: <Money value={minor} /> (office currency, user's
// language, "—" for null) and <Qty value={n} /> (grouped integer; `signed` shows +/− for changes).
// Plain spans, not Mantine's Text: a list has one in most of its cells, and a Text (theme, styles,
// style props) costs several times a span to render — hundreds per page were a visible part of a
// list's time to rows. `c` takes Mantine's text colours as Text does ('red' → the theme's red text
// colour for the scheme, 'dimmed').
import type { CSSProperties } from 'react';
import { useFormat } from './useFormat';

export type AmountTone = 'red' | 'orange' | 'teal' | 'green' | 'blue' | 'dimmed';

interface AmountStyle {
  /** A Mantine text colour, as Text's `c`. */
  c?: AmountTone;
  fw?: number;
  'data-testid'?: string;
}

function amountStyle({ c, fw }: AmountStyle, tabular = false): CSSProperties | undefined {
  if (!c && !fw && !tabular) return undefined;
  return {
    color: c === 'dimmed' ? 'var(--mantine-color-dimmed)' : c ? `var(--mantine-color-${c}-text)` : undefined,
    fontWeight: fw,
    fontVariantNumeric: tabular ? 'tabular-nums' : undefined,
  };
}

export function Money({ value, ...style }: { value: number | string | null | undefined } & AmountStyle) {
  const f = useFormat();
  return (
    <span style={amountStyle(style, true)} data-testid={style['data-testid']}>
      {f.money(value)}
    </span>
  );
}

export function Qty({ value, signed, ...style }: { value: number | string | null | undefined; signed?: boolean } & AmountStyle) {
  const f = useFormat();
  const prefix = signed && value !== null && value !== undefined && Number(value) > 0 ? '+' : '';
  return (
    <span style={amountStyle(style)} data-testid={style['data-testid']}>
      {prefix}
      {f.qty(value)}
    </span>
  );
}
