// The virtual locations every stock move has at its other end; they are fixed and read-only, shown
// with the name of their kind in the user's language.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Location } from '@shared/contract/locations';
import { ListTable, useListView } from '@renderer/lib/list';
import { KindBadge } from './KindBadge';

export function VirtualLocations({ locations }: { locations: Location[] }) {
  const { t } = useTranslation('locations');
  const view = useListView<Location>({
    id: 'locations.virtual',
    columns: [
      { accessor: 'name', title: t('fields.name'), render: (l) => <Text span inherit fw={500}>{t(`virtual.names.${l.kind}`)}</Text> },
      { accessor: 'kind', title: t('fields.kind'), render: (l) => <KindBadge kind={l.kind} /> },
      { accessor: 'purpose', title: t('virtual.purpose'), render: (l) => <Text span inherit c="dimmed">{t(`virtual.purposes.${l.kind}`)}</Text> },
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
        <ListTable view={view} query={{ data: locations }} fit={false} empty={{ icon: IconMapPin, title: t('virtual.title') }} />
      </Stack>
    </Paper>
  );
}
