// Inventory locations: warehouses, shelves, technician vans and returns shelves.
import { Button, Group, Switch } from '@mantine/core';
import { IconFileImport, IconMapPin, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Location } from '@shared/contract/locations';
import { PrintLabelsModal } from '@renderer/lib/labels/PrintLabelsModal';
import { ListPage, ListTable, useListView } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useLocations } from './api';
import { LocationFormModal } from './LocationFormModal';
import { useLocationColumns } from './locationColumns';
import { VirtualLocations } from './VirtualLocations';

export function LocationsPage() {
  const { t } = useTranslation(['locations', 'common', 'imports']);
  const canManage = useCan('locations.manage');
  // The import screen is open to those who manage the catalogue (Admin › Import from CSV).
  const canImport = useCan('catalog.manage') && canManage;
  const [params] = useSearchParams();
  const highlightId = Number(params.get('id')) || null;
  const [showInactive, setShowInactive] = useState(false);
  const [showVirtual, setShowVirtual] = useState(false);
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const [labelling, setLabelling] = useState<Location | null>(null);
  const list = useLocations({ includeVirtual: showVirtual, includeInactive: showInactive || highlightId !== null });
  // Showing inactive or virtual locations widens the list: it is never "filtered".
  const view = useListView({ id: 'locations.internal', columns: useLocationColumns(setEditing, setLabelling) });

  const internal = list.data?.filter((l) => l.usage === 'internal');
  const virtual = (list.data ?? []).filter((l) => l.usage === 'virtual');
  const newButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('new')}
    </Button>
  );

  return (
    <ListPage
      title={t('title')}
      description={t('description')}
      actions={
        <Group gap="sm">
          {canImport && (
            <Button component={Link} to="/admin/import?kind=locations" variant="default" leftSection={<IconFileImport size={16} />}>
              {t('imports:open')}
            </Button>
          )}
          {newButton}
        </Group>
      }
      view={view}
      filters={
        <>
          <Switch label={t('showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} mb={8} />
          <Switch label={t('showVirtual')} checked={showVirtual} onChange={(e) => setShowVirtual(e.currentTarget.checked)} mb={8} />
        </>
      }
    >
      <ListTable
        testId="locations-table"
        view={view}
        query={{ ...list, data: internal }}
        onRowClick={canManage ? setEditing : undefined}
        fit={!showVirtual}
        empty={{ icon: IconMapPin, title: t('empty.title'), description: t('empty.description'), action: newButton }}
        extra={{ rowStyle: (l) => (l.id === highlightId ? { backgroundColor: 'var(--mantine-color-yellow-0)' } : undefined) }}
      />
      {showVirtual && virtual.length > 0 && <VirtualLocations locations={virtual} />}
      {labelling && <PrintLabelsModal targets={{ location: { id: labelling.id, name: labelling.name } }} onClose={() => setLabelling(null)} />}
      {editing !== null && <LocationFormModal location={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}
