// The virtual locations every stock move has at its other end; they are fixed and read-only, shown
// with the name of their kind in the user's language.
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Location } from '@shared/contract/locations';
import { KindBadge } from './KindBadge';

export function VirtualLocations({ locations }: { locations: Location[] }) {
  const { t } = useTranslation('locations');
  return (
    <Paper withBorder p="md" radius="sm" data-testid="virtual-locations">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('virtual.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('virtual.description')}
        </Text>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.kind')}</Table.Th>
              <Table.Th>{t('virtual.purpose')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {locations.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td fw={500}>{t(`virtual.names.${l.kind}`)}</Table.Td>
                <Table.Td>
                  <KindBadge kind={l.kind} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {t(`virtual.purposes.${l.kind}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
