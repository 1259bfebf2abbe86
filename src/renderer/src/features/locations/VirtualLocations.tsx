// The virtual locations every stock move has at its other end; they are fixed and read-only, shown
// with the name of their kind in the user's language.
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Location } from '@shared/contract/locations';
import type { en } from './locales/en';
import { KindBadge } from './KindBadge';

/** The kinds of the virtual locations: each has a name and a purpose in the locations namespace. */
type VirtualKind = keyof typeof en.virtual.names;

export function VirtualLocations({ locations }: { locations: Location[] }) {
  const { t } = useTranslation('locations');
  // The page passes only virtual locations here, so the kind is one of the virtual ones.
  const text = (l: Location, part: 'names' | 'purposes') => t(`virtual.${part}.${l.kind as VirtualKind}`);
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
                <Table.Td fw={500}>{text(l, 'names')}</Table.Td>
                <Table.Td>
                  <KindBadge kind={l.kind} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {text(l, 'purposes')}
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
