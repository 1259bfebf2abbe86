// A product in a document's line table: its SKU, and its name under it.
import { Text } from '@mantine/core';

export function ProductCell({ sku, name }: { sku: string; name: string }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {sku}
      </Text>
      <Text size="xs">{name}</Text>
    </>
  );
}
