// The virtual locations every stock move has at its other end; they are fixed and read-only, shown
// with the name of their kind in the user's language.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { locationKinds, type Location } from '@shared/contract/locations';
import { csvLabels, ListTable, useListView } from '@renderer/lib/list';
import { virtualLocationWords } from '@renderer/lib/locationLabel';
import { KindBadge } from './KindBadge';
import type { en } from './locales/en';

/** The kinds of the virtual locations: each has a name and a purpose in the locations namespace. */
type VirtualKind = keyof typeof en.virtual.names;

export function VirtualLocations({ locations }: { locations: Location[] }) {
  const { t } = useTranslation('locations');
  // The page passes only virtual locations here, so the kind is one of the virtual ones.
  const text = (l: Location, part: 'names' | 'purposes') => t(`virtual.${part}.${l.kind as VirtualKind}`);
  const view = useListView<Location>({
    id: 'locations.virtual',
    columns: [
      { accessor: 'name', title: t('fields.name'), csv: { labels: virtualLocationWords() }, render: (l) => <Text span inherit fw={500}>{text(l, 'names')}</Text> },
      { accessor: 'kind', title: t('fields.kind'), csv: { labels: csvLabels(locationKinds, (kind) => t(`kinds.${kind}`)) }, render: (l) => <KindBadge kind={l.kind} /> },
      // The same sentence for every location of a kind, which the kind column already names: not a field of the row.
      { accessor: 'purpose', title: t('virtual.purpose'), csv: false, render: (l) => <Text span inherit c="dimmed">{text(l, 'purposes')}</Text> },
    ],
  });
  return (
    <Paper withBorder p="md" radius="sm" data-testid="virtual-locations">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('virtual.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('virtual.description')}
        </Text>
        <ListTable view={view} query={{ data: locations }} fit={false} chooser empty={{ icon: IconMapPin, title: t('virtual.title') }} />
      </Stack>
    </Paper>
  );
}
