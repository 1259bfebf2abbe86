import { useTranslation } from 'react-i18next';
import type { Location } from '@shared/contract/locations';
import { CellBadge } from '@renderer/lib/list';

const colors: Record<Location['kind'], string> = {
  warehouse: 'blue',
  shelf: 'cyan',
  van: 'grape',
  returns: 'orange',
  vendor: 'gray',
  customer: 'gray',
  adjustment: 'gray',
  scrap: 'gray',
  transit: 'gray',
};

export function KindBadge({ kind }: { kind: Location['kind'] }) {
  const { t } = useTranslation('locations');
  return (
<CellBadge color={colors[kind]}>{t(`kinds.${kind}`)}</CellBadge>
  );
}
