import { NumberInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetCountQty } from '../api';

interface Props {
  countId: number;
  productId: number;
  sku: string;
  counted: boolean;
  countedQty: number;
}

/** The counted quantity of a non-serialized product, typed instead of scanned; saved on Enter or leaving the field. */
export function CountedQtyInput({ countId, productId, sku, counted, countedQty }: Props) {
  const { t } = useTranslation('stock');
  const save = useSetCountQty();
  const shown = counted ? countedQty : '';
  const [value, setValue] = useState<number | string>(shown);
  const [seen, setSeen] = useState(shown);
  // A scan changes the count under the input: show the new number unless the user is typing one.
  if (seen !== shown) {
    setSeen(shown);
    setValue(shown);
  }
  const commit = () => {
    if (typeof value !== 'number' || (counted && value === countedQty)) return;
    save.mutate({ id: countId, productId, countedQty: value });
  };
  return (
    <NumberInput
      size="xs"
      w={110}
      min={0}
      allowDecimal={false}
      allowNegative={false}
      aria-label={t('counts.countedFor', { sku })}
      placeholder={t('counts.notCounted')}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      hideControls
    />
  );
}
