// Inventory locations: warehouses, shelves, technician vans and returns shelves.
import { Alert, Button, Group, Loader, Center, Stack, Switch } from '@mantine/core';
import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Location } from '@shared/contract/locations';
import { EmptyState } from '@renderer/lib/EmptyState';
import { translateError } from '@renderer/lib/errors';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useLocations } from './api';
import { LocationFormModal } from './LocationFormModal';
import { LocationsTable } from './LocationsTable';
import { VirtualLocations } from './VirtualLocations';

export function LocationsPage() {
  const { t } = useTranslation(['locations', 'common']);
  const canManage = useCan('locations.manage');
  const [params] = useSearchParams();
  const highlightId = Number(params.get('id')) || null;
  const [showInactive, setShowInactive] = useState(false);
  const [showVirtual, setShowVirtual] = useState(false);
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const list = useLocations({ includeVirtual: showVirtual, includeInactive: showInactive || highlightId !== null });

  const internal = (list.data ?? []).filter((l) => l.usage === 'internal');
  const virtual = (list.data ?? []).filter((l) => l.usage === 'virtual');
  const newButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('new')}
    </Button>
  );

  let body;
  if (list.isPending) {
    body = (
      <Center mih={200}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  } else if (list.isError) {
    body = <Alert color="red">{translateError(list.error)}</Alert>;
  } else if (internal.length === 0) {
    body = <EmptyState icon={IconMapPin} title={t('empty.title')} description={t('empty.description')} action={newButton} />;
  } else {
    body = <LocationsTable locations={internal} highlightId={highlightId} onEdit={setEditing} />;
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} description={t('description')} actions={newButton} />
      <Group gap="lg">
        <Switch label={t('showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
        <Switch label={t('showVirtual')} checked={showVirtual} onChange={(e) => setShowVirtual(e.currentTarget.checked)} />
      </Group>
      {body}
      {showVirtual && virtual.length > 0 && <VirtualLocations locations={virtual} />}
      {editing !== null && <LocationFormModal location={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
