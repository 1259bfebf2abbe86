// Global search (Ctrl/⌘+K): asks search.global as the user types (debounced) and jumps to what was
// found — a product's page, the stocked item with a serial, a location, a company.
import { Center, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import { IconBarcode, IconBuilding, IconMapPin, IconPackage, IconSearch } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../lib/query';
import { useCan } from '../../lib/session';

export const [searchStore, globalSearch] = createSpotlight();

function ResultGroup({ label, children }: { label: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return <Spotlight.ActionsGroup label={label}>{children}</Spotlight.ActionsGroup>;
}

export function GlobalSearch() {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const allowed = useCan('inventory.view');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const results = useApiQuery(['search'], 'search.global', { q: debounced }, { enabled: allowed && debounced.length > 0, keepPrevious: true });
  const data = debounced.length > 0 ? results.data : undefined;
  const go = (path: string) => navigate(path);

  const products = (data?.products ?? []).map((p) => (
    <Spotlight.Action key={`p${p.id}`} label={p.name} description={p.sku} leftSection={<IconPackage size={18} />} onClick={() => go(`/catalog/products/${p.id}`)} />
  ));
  const serials = (data?.serials ?? []).map((s) => (
    <Spotlight.Action
      key={`s${s.lotId}`}
      label={s.serialNumber}
      description={s.locationName ? t('serialAt', { sku: s.sku, location: s.locationName }) : t('serialGone', { sku: s.sku })}
      leftSection={<IconBarcode size={18} />}
      onClick={() => go(`/stock/lots?serial=${encodeURIComponent(s.serialNumber)}`)}
    />
  ));
  const locations = (data?.locations ?? []).map((l) => (
    <Spotlight.Action key={`l${l.id}`} label={l.name} leftSection={<IconMapPin size={18} />} onClick={() => go(`/locations?id=${l.id}`)} />
  ));
  const companies = (data?.companies ?? []).map((c) => (
    <Spotlight.Action key={`c${c.id}`} label={c.name} leftSection={<IconBuilding size={18} />} onClick={() => go(`/catalog/companies?id=${c.id}`)} />
  ));
  const found = products.length + serials.length + locations.length + companies.length;

  let status: ReactNode = null;
  if (debounced.length === 0) status = t('hint');
  else if (!data && results.isFetching) status = <Loader size="sm" aria-label={t('common:loading')} />;
  else if (results.isError) status = t('failed');
  else if (data && found === 0) status = t('nothing', { q: debounced });

  return (
    <Spotlight.Root store={searchStore} query={query} onQueryChange={setQuery} shortcut={['mod + K']} tagsToIgnore={[]} scrollable maxHeight={480}>
      <Spotlight.Search placeholder={t('placeholder')} aria-label={t('placeholder')} leftSection={<IconSearch size={18} />} data-testid="global-search-input" />
      <Spotlight.ActionsList>
        {status !== null && (
          <Center p="md">
            {typeof status === 'string' ? (
              <Text c="dimmed" size="sm">
                {status}
              </Text>
            ) : (
              status
            )}
          </Center>
        )}
        <ResultGroup label={t('products')}>{products}</ResultGroup>
        <ResultGroup label={t('serials')}>{serials}</ResultGroup>
        <ResultGroup label={t('locations')}>{locations}</ResultGroup>
        <ResultGroup label={t('companies')}>{companies}</ResultGroup>
      </Spotlight.ActionsList>
      {data && found > 0 && (
        <Group justify="flex-end" px="md" py={6}>
          <Text size="xs" c="dimmed">
            {t('footer')}
          </Text>
        </Group>
      )}
    </Spotlight.Root>
  );
}
