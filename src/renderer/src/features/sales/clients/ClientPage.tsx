// A client company's sales side: its opportunities, its contracts, projects and tickets, their charges, the
// deliveries made to it and the devices it holds. /sales/clients/:id?tab=containers|opportunities|charges|deliveries|devices
import { Group, Stack, Tabs, Text } from '@mantine/core';
import { useModuleOn } from '@renderer/lib/activations';
import { IconBriefcase, IconBulb, IconDevices, IconReceipt, IconTruck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BackLink } from '@renderer/lib/BackLink';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { QueryTable, useListView, useServerTable } from '@renderer/lib/list';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useApiQuery } from '@renderer/lib/query';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { CONTAINERS_TABLE, DELIVERIES_TABLE, DEVICES_TABLE, OPPORTUNITIES_TABLE, useCharges, useContainers, useDeliveries, useDevices, useOpportunities } from '../api';
import { chargeColumns } from '../charges/chargeColumns';
import { containerColumns } from '../containers/containerColumns';
import { deliveryColumns } from '../delivery/deliveryColumns';
import { deviceColumns } from '../devices/deviceColumns';
import { opportunityColumns } from '../opportunities/opportunityColumns';

const tabs = ['containers', 'opportunities', 'charges', 'deliveries', 'devices'] as const;
type Tab = (typeof tabs)[number];

export function ClientPage() {
  const { t } = useTranslation(['sales', 'common']);
  const id = useRouteId();
  const company = useApiQuery(['catalog'], 'catalog.getCompany', { id }, { enabled: id > 0 });
  const [search, setSearch] = useSearchParams();
  // Deliveries and devices are Inventory's (Admin › Activations).
  const inventory = useModuleOn('inventory');
  const asked = tabs.find((x) => x === search.get('tab')) ?? 'containers';
  const tab: Tab = !inventory && (asked === 'deliveries' || asked === 'devices') ? 'containers' : asked;
  const back = <BackLink to="/catalog/companies">{t('clients.back')}</BackLink>;
  const waiting = documentState(id, company, back, t('clients.notFound'));
  if (waiting || !company.data) return waiting;
  const c = company.data;
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={c.name}
        description={
          <Group gap="xs" component="span">
            <Text span size="sm" c="dimmed">
              {[c.city, c.country].filter(Boolean).join(', ')}
            </Text>
          </Group>
        }
      />
      <Tabs value={tab} onChange={(v) => setSearch(v && v !== 'containers' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="containers" leftSection={<IconBriefcase size={16} />}>
            {t('clients.tabs.containers')}
          </Tabs.Tab>
          <Tabs.Tab value="opportunities" leftSection={<IconBulb size={16} />}>
            {t('clients.tabs.opportunities')}
          </Tabs.Tab>
          <Tabs.Tab value="charges" leftSection={<IconReceipt size={16} />}>
            {t('clients.tabs.charges')}
          </Tabs.Tab>
          {inventory && (
            <>
              <Tabs.Tab value="deliveries" leftSection={<IconTruck size={16} />}>
                {t('clients.tabs.deliveries')}
              </Tabs.Tab>
              <Tabs.Tab value="devices" leftSection={<IconDevices size={16} />}>
                {t('clients.tabs.devices')}
              </Tabs.Tab>
            </>
          )}
        </Tabs.List>
        <Tabs.Panel value="containers">
          <ClientContainers companyId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="opportunities">
          <ClientOpportunities companyId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="charges">
          <ClientCharges companyId={c.id} />
        </Tabs.Panel>
        {inventory && (
          <>
            <Tabs.Panel value="deliveries">
              <ClientDeliveries companyId={c.id} />
            </Tabs.Panel>
            <Tabs.Panel value="devices">
              <ClientDevices companyId={c.id} />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </Stack>
  );
}

function ClientContainers({ companyId }: { companyId: number }) {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const table = useServerTable<'number' | 'title' | 'companyName' | 'createdAt'>({ ...CONTAINERS_TABLE, filters: { companyId } });
  const view = useListView({ id: 'sales.clientContainers', columns: containerColumns(t, f) });
  return (
    <QueryTable
      testId="client-containers"
      view={view}
      table={table}
      useRows={useContainers}
      input={{ ...table.input, companyId }}
      rowHref={(c) => `/sales/containers/${c.id}`}
      fit={false}
      chooser
      empty={{ icon: IconBriefcase, title: t('containers.emptyTitle'), description: t('containers.emptyText') }}
    />
  );
}

function ClientOpportunities({ companyId }: { companyId: number }) {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const table = useServerTable<'number' | 'createdAt' | 'expectedClose' | 'companyName'>({ ...OPPORTUNITIES_TABLE, filters: { companyId } });
  const view = useListView({ id: 'sales.clientOpportunities', columns: opportunityColumns(t, f) });
  return (
    <QueryTable
      testId="client-opportunities"
      view={view}
      table={table}
      useRows={useOpportunities}
      input={{ ...table.input, companyId }}
      rowHref={(o) => `/sales/opportunities/${o.id}`}
      fit={false}
      chooser
      empty={{ icon: IconBulb, title: t('opportunities.emptyTitle'), description: t('opportunities.emptyText') }}
    />
  );
}

function ClientCharges({ companyId }: { companyId: number }) {
  const { t } = useTranslation(['sales', 'common']);
  const canSeeCosts = useCan('costs.view');
  const table = useServerTable<'number' | 'createdAt' | 'status' | 'quantity' | 'productName'>({ sortBy: 'number', sortDirection: 'desc', filters: { companyId } });
  const view = useListView({ id: 'sales.clientCharges', columns: chargeColumns(t, canSeeCosts, { container: true }) });
  return (
    <QueryTable
      testId="client-charges"
      view={view}
      table={table}
      useRows={useCharges}
      input={{ ...table.input, companyId }}
      rowHref={(c) => `/sales/charges/${c.id}`}
      fit={false}
      chooser
      empty={{ icon: IconReceipt, title: t('charges.emptyTitle'), description: t('charges.emptyText') }}
    />
  );
}

function ClientDeliveries({ companyId }: { companyId: number }) {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const table = useServerTable<'createdAt' | 'number'>({ ...DELIVERIES_TABLE, filters: { companyId } });
  const view = useListView({ id: 'sales.clientDeliveries', columns: deliveryColumns(t, f) });
  return (
    <QueryTable
      testId="client-deliveries"
      view={view}
      table={table}
      useRows={useDeliveries}
      input={{ ...table.input, companyId }}
      rowHref={(d) => `/sales/deliveries/${d.id}`}
      fit={false}
      chooser
      empty={{ icon: IconTruck, title: t('delivery.deliveriesEmptyTitle'), description: t('delivery.deliveriesEmptyText') }}
    />
  );
}

function ClientDevices({ companyId }: { companyId: number }) {
  const { t } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const table = useServerTable<'installedAt' | 'serialNumber' | 'companyName'>({ ...DEVICES_TABLE, filters: { companyId } });
  const view = useListView({ id: 'sales.clientDevices', columns: deviceColumns(t, f) });
  return (
    <QueryTable
      testId="client-devices"
      view={view}
      table={table}
      useRows={useDevices}
      input={{ ...table.input, companyId }}
      rowHref={(d) => `/sales/devices/${d.id}`}
      fit={false}
      chooser
      empty={{ icon: IconDevices, title: t('devices.emptyTitle'), description: t('devices.emptyText') }}
    />
  );
}
