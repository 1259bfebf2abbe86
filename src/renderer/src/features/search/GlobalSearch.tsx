// Global search (Ctrl/⌘+K): asks search.global as the user types (debounced) and jumps to what was
// found — a product's page, the stocked item with a serial, a location, a company. The best result
// is listed first and pre-selected; Enter opens the chosen result of the answer for the text in the
// box, fetching it first when a scanner was faster than the search (see results.ts). The input is
// our own rather than Spotlight.Search, whose Enter clicks whatever row Mantine last highlighted —
// a row of the previous text's results.
import { Center, Group, Input, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import { useQueryClient } from '@tanstack/react-query';
import { IconBarcode, IconBuilding, IconLayoutGrid, IconMapPin, IconPackage, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '@renderer/lib/api';
import { notify } from '@renderer/lib/notify';
import { useApiQuery } from '@renderer/lib/query';
import { useCan } from '@renderer/lib/session';
import { answerFor, decideAfterFetch, decideEnter, groupsOf, moveSelection, searchText, type SearchAnswer, type SearchHit, type SearchKind } from './results';

export const [searchStore, globalSearch] = createSpotlight();

const searchKey = (q: string) => ['search', 'search.global', { q }];
const groupIcon: Record<SearchKind, ReactNode> = {
  serial: <IconBarcode size={18} />,
  product: <IconPackage size={18} />,
  location: <IconMapPin size={18} />,
  bin: <IconLayoutGrid size={18} />,
  company: <IconBuilding size={18} />,
};
const groupLabel = { serial: 'serials', product: 'products', location: 'locations', bin: 'bins', company: 'companies' } as const satisfies Record<SearchKind, string>;

export function GlobalSearch() {
  const { t } = useTranslation(['search', 'common']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const allowed = useCan('inventory.view');
  const [query, setQuery] = useState('');
  const typed = useRef('');
  const enterCount = useRef(0);
  // The highlighted row belongs to the answer it was chosen in; a new answer starts on its best (row 0).
  const [choice, setChoice] = useState<{ q: string; index: number } | null>(null);
  const [debounced] = useDebouncedValue(searchText(query), 250);
  const results = useApiQuery(['search'], 'search.global', { q: debounced }, { enabled: allowed && debounced.length > 0, keepPrevious: true });
  const shown = searchText(query).length > 0 ? results.data : undefined;
  const current = answerFor(query, shown);
  const groups = shown ? groupsOf(shown) : [];
  const selected = current && choice?.q === current.q ? choice.index : 0;
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    listRef.current?.querySelector('[data-selected]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, current?.q]);

  const changeQuery = (value: string) => {
    typed.current = value;
    setQuery(value);
    setChoice(null);
  };
  const open = (hit: SearchHit) => {
    globalSearch.close();
    navigate(hit.path);
  };

  const onEnter = async () => {
    const decision = decideEnter(typed.current, current, selected);
    if (decision.type === 'open') open(decision.hit);
    if (decision.type !== 'fetch') return;
    const ticket = ++enterCount.current;
    try {
      const answer = await queryClient.fetchQuery<SearchAnswer>({ queryKey: searchKey(decision.q), queryFn: () => call('search.global', { q: decision.q }), staleTime: 10_000 });
      const after = decideAfterFetch(decision.q, answer, typed.current, ticket === enterCount.current && searchStore.getState().opened);
      if (after.type === 'open') open(after.hit);
    } catch (error) {
      notify.error(error);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const count = current ? groups.reduce((n, g) => n + g.hits.length, 0) : 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (current) setChoice({ q: current.q, index: moveSelection(selected, count, event.key === 'ArrowDown' ? 1 : -1) });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void onEnter();
    }
  };

  const description = (hit: SearchHit): string | undefined => {
    if (hit.kind === 'product') return hit.sku;
    if (hit.kind === 'bin') return t('binAt', { location: hit.locationName ?? '' });
    if (hit.kind !== 'serial') return undefined;
    return hit.locationName ? t('serialAt', { sku: hit.sku, location: hit.locationName }) : t('serialGone', { sku: hit.sku });
  };

  const found = groups.reduce((n, g) => n + g.hits.length, 0);
  let status: ReactNode = null;
  if (debounced.length === 0) status = t('hint');
  else if (!shown && results.isFetching) status = <Loader size="sm" aria-label={t('common:loading')} />;
  else if (results.isError) status = t('failed');
  else if (current && found === 0) status = t('nothing', { q: current.q });

  let index = 0;
  const rendered = groups.map((group) => (
    <Spotlight.ActionsGroup key={group.kind} label={t(groupLabel[group.kind])}>
      {group.hits.map((hit) => {
        const at = index++;
        return (
          <Spotlight.Action
            key={hit.key}
            label={hit.label}
            description={description(hit)}
            leftSection={groupIcon[hit.kind]}
            // Only rows of the current answer can be chosen: an older list stays visible, dimmed, until the new one arrives.
            data-selected={current && at === selected ? true : undefined}
            data-stale={current ? undefined : true}
            style={current ? undefined : { opacity: 0.55 }}
            onClick={() => open(hit)}
          />
        );
      })}
    </Spotlight.ActionsGroup>
  ));

  return (
    <Spotlight.Root store={searchStore} query={query} onQueryChange={changeQuery} shortcut={['mod + K']} tagsToIgnore={[]} scrollable maxHeight={480}>
      <Input
        classNames={{ input: Spotlight.classes.search }}
        size="lg"
        value={query}
        onChange={(event) => changeQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        placeholder={t('placeholder')}
        aria-label={t('placeholder')}
        leftSection={<IconSearch size={18} />}
        data-testid="global-search-input"
        data-autofocus
      />
      <Spotlight.ActionsList ref={listRef} data-answer-for={current?.q}>
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
        {rendered}
      </Spotlight.ActionsList>
      {current && found > 0 && (
        <Group justify="flex-end" px="md" py={6}>
          <Text size="xs" c="dimmed">
            {t('footer')}
          </Text>
        </Group>
      )}
    </Spotlight.Root>
  );
}
