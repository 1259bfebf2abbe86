// Display helpers for table cells and summaries: <Money value={minor} /> (office currency, user's
// language, "—" for null) and <Qty value={n} /> (grouped integer; `signed` shows +/− for changes).
import { Text, type TextProps } from '@mantine/core';
import { useFormat } from './useFormat';

export function Money({ value, ...props }: { value: number | string | null | undefined } & TextProps) {
  const f = useFormat();
  return (
    <Text span inherit style={{ fontVariantNumeric: 'tabular-nums' }} {...props}>
      {f.money(value)}
    </Text>
  );
}

export function Qty({ value, signed, ...props }: { value: number | string | null | undefined; signed?: boolean } & TextProps) {
  const f = useFormat();
  const text = f.qty(value);
  const prefix = signed && value !== null && value !== undefined && Number(value) > 0 ? '+' : '';
  return (
    <Text span inherit {...props}>
      {prefix}
      {text}
    </Text>
  );
}
