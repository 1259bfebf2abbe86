import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@shared/contract';
import { IconClipboardList } from '@tabler/icons-react';
import { Qty } from '@renderer/lib/Amount';
import { ListTable, useListView, useServerPager, type ListColumn } from '@renderer/lib/list';
import { CountedQtyInput } from './CountedQtyInput';

export type CountLine = ChannelOutput<'stock.getCount'>['lines'][number];

const PAGE_SIZE = 50;

/** A line needs review when its quantity differs or when different units were found than expected. */
export function hasDifference(line: CountLine): boolean {
  return line.counted && (line.difference !== 0 || line.missingSerials.length > 0 || line.unexpectedSerials.length > 0);
}

function SerialList({ title, serials, color }: { title: string; serials: string[]; color: string }) {
  if (serials.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} c={color}>
        {title}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {serials.join(', ')}
      </Text>
    </Stack>
  );
}

/**
 * The lines of a stocktake. The whole count arrives in one answer (getCount), so it is paged here to
 * keep a 5,000-line count responsive. Serialized lines expand to show which serials are missing or
 * were not expected.
 */
export function CountLinesTable({ countId, lines, editable }: { countId: number; lines: CountLine[]; editable: boolean }) {
  const { t } = useTranslation(['stock', 'common']);
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<number[]>([]);
  const lastPage = Math.max(1, Math.ceil(lines.length / PAGE_SIZE));
  const current = Math.min(page, lastPage);
  const records = lines.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  const columns: ListColumn<CountLine>[] = [
    { accessor: 'sku', title: t('columns.sku'), noWrap: true, alwaysShown: true },
    { accessor: 'productName', title: t('columns.product'), truncate: 320 },
    { accessor: 'expectedQty', title: t('columns.expected'), textAlign: 'right', render: (l) => <Qty value={l.expectedQty} /> },
    {
      accessor: 'countedQty',
      title: t('columns.counted'),
      textAlign: 'right',
      // A product not counted yet is left unchanged by posting: not the same as one counted at 0.
      csv: [{}, { field: 'counted', header: t('columns.countedYet') }],
      render: (l) =>
        editable && !l.serialized ? (
          <Group justify="flex-end">
            <CountedQtyInput countId={countId} productId={l.productId} sku={l.sku} counted={l.counted} countedQty={l.countedQty} />
          </Group>
        ) : l.counted ? (
          <Qty value={l.countedQty} />
        ) : (
          <Text span size="sm" c="dimmed">
            {t('counts.notCounted')}
          </Text>
        ),
    },
    {
      accessor: 'difference',
      title: t('columns.difference'),
      textAlign: 'right',
      render: (l) =>
        l.counted ? <Qty value={l.difference} signed fw={l.difference !== 0 ? 700 : undefined} c={l.difference < 0 ? 'red' : l.difference > 0 ? 'orange' : 'teal'} data-testid={`difference-${l.sku}`} /> : '—',
    },
    {
      accessor: 'serials',
      title: t('columns.serials'),
      csv: [
        { field: 'missingSerials', header: t('columns.missingSerials') },
        { field: 'unexpectedSerials', header: t('columns.unexpectedSerials') },
      ],
      render: (l) =>
        l.missingSerials.length + l.unexpectedSerials.length > 0 ? (
          <Text span size="sm" c="blue" style={{ cursor: 'pointer' }}>
            {[
              l.missingSerials.length > 0 ? t('counts.missingSerials', { count: l.missingSerials.length }) : null,
              l.unexpectedSerials.length > 0 ? t('counts.unexpectedSerials', { count: l.unexpectedSerials.length }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        ) : null,
    },
  ];

  const view = useListView({ id: 'stock.countLines', columns });
  const pager = useServerPager({ page: current, pageSize: PAGE_SIZE, setPage }, lines.length);

  return (
    <ListTable<CountLine>
      testId="count-lines"
      view={view}
      chooser
      query={{ data: records }}
      total={lines.length}
      idAccessor="productId"
      pager={pager}
      empty={{ icon: IconClipboardList, title: t('counts.noLines') }}
      extra={{
        rowExpansion: {
          allowMultiple: true,
          expandable: ({ record }) => record.missingSerials.length + record.unexpectedSerials.length > 0,
          expanded: { recordIds: expanded, onRecordIdsChange: (ids: unknown[]) => setExpanded(ids as number[]) },
          content: ({ record }) => (
            <Stack gap="xs" p="sm">
              <SerialList title={t('counts.missingSerials', { count: record.missingSerials.length })} serials={record.missingSerials} color="red" />
              <SerialList title={t('counts.unexpectedSerials', { count: record.unexpectedSerials.length })} serials={record.unexpectedSerials} color="orange" />
            </Stack>
          ),
        },
      }}
    />
  );
}
