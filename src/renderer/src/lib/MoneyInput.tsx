// MoneyInput — a text input for an amount that hands the form integer ten-thousandths (parseMoney):
//   <MoneyInput label={t('…')} {...form.getInputProps('unitCost')} />
// value: number | null (null = empty). Unparseable text gives NaN, which the zod schema refuses with
// the usual field error. Accepts "12.5", "12,50", up to 4 decimals; shows the office currency code.
import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { formatMoneyForEditing } from '@shared/formats';
import { parseMoney } from '@shared/money';
import { useFormat } from './useFormat';

export interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  value?: number | null;
  onChange: (value: number | null) => void;
}

function textToMoney(text: string): number | null {
  if (text.trim() === '') return null;
  return parseMoney(text) ?? Number.NaN;
}

function sameAmount(a: number | null | undefined, b: number | null): boolean {
  if (a === undefined || a === null) return b === null;
  if (Number.isNaN(a)) return b !== null && Number.isNaN(b);
  return a === b;
}

export function MoneyInput({ value, onChange, onBlur, ...props }: MoneyInputProps) {
  const { currency, formats } = useFormat();
  // Plain decimal text for editing: no grouping, the locale's decimal mark, 2 to 4 decimals.
  const [text, setText] = useState(() => formatMoneyForEditing(value, formats));
  // When the form sets a value from outside (reset, loaded record), show it; while the user types,
  // the text they typed stays as it is.
  if (!sameAmount(value, textToMoney(text))) setText(formatMoneyForEditing(value, formats));
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      rightSection={<span style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}>{currency}</span>}
      rightSectionWidth={48}
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(textToMoney(event.currentTarget.value));
      }}
      onBlur={(event) => {
        const amount = textToMoney(text);
        if (amount !== null && !Number.isNaN(amount)) setText(formatMoneyForEditing(amount, formats));
        onBlur?.(event);
      }}
    />
  );
}
