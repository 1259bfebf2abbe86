import { NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';

/**
 * A document series' prefix and next number (purchase orders, RMAs), with the next number as it will
 * print. `example` turns the next document's number into the hint shown under the number.
 */
export function DocumentNumbering({
  prefix,
  next,
  labels,
}: {
  prefix: GetInputPropsReturnType & { value: string };
  next: GetInputPropsReturnType & { value: number | string };
  labels: { prefix: string; prefixHint: string; next: string; nextHint: (example: string) => string; nextEmpty: string };
}) {
  const example = typeof next.value === 'number' ? `${prefix.value.trim()}${next.value}` : null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <TextInput label={labels.prefix} description={labels.prefixHint} maxLength={20} {...prefix} />
      <NumberInput
        label={labels.next}
        description={example ? labels.nextHint(example) : labels.nextEmpty}
        min={1}
        max={999_999_999}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator={false}
        {...next}
      />
    </SimpleGrid>
  );
}
