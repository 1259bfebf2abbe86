// Serials typed for new units (a replacement from a vendor), checked as they are typed: the ones another
// unit of the product already has, or a sentence naming them for the field's error. Asked of the server a
// moment after typing stops (stock.checkSerials), so a mistake shows before the form is sent.
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../query';

export function useTakenSerials(productId: number, typed: readonly string[]): string | null {
  const { t } = useTranslation('pickers');
  // Debounced as one string: a new array every render would restart the wait forever.
  const [joined] = useDebouncedValue(
    typed
      .map((s) => s.trim())
      .filter(Boolean)
      .join('\n'),
    300,
  );
  const serials = joined ? joined.split('\n') : [];
  const check = useApiQuery(['stock'], 'stock.checkSerials', { productId, serials }, { enabled: productId > 0 && serials.length > 0 });
  const taken = serials.length > 0 ? (check.data?.taken ?? []) : [];
  return taken.length > 0 ? t('serials.taken', { serials: taken.join(', ') }) : null;
}
