import { Alert, Anchor, Button, Center, Group, Loader, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowBackUp, IconChecks, IconInfoCircle, IconSearch, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useCount } from '../api';
import { StatusBadge } from '../common/StatusBadge';
import { CountDialogs, type CountDialog } from './CountDialogs';
import { CountLinesTable, hasDifference } from './CountLinesTable';
import { ScanField } from './ScanField';

/** One stocktake: scan or type what is on the shelves, review the differences, post them as adjustments. */
export function CountPage() {
  const { t } = useTranslation('stock');
  const f = useFormat();
  const id = Number(useParams().id);
  const count = useCount(Number.isInteger(id) ? id : 0);
  const canCount = useCan('stock.count');
  // Counting is not adjusting: who may adjust stock posts a count (or sends it back); a counter submits it.
  const canAdjust = useCan('stock.adjust');
  const canReverse = canAdjust;
  const [view, setView] = useState<'all' | 'differences'>('all');
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<CountDialog | null>(null);

  if (count.isError) {
    return (
      <Alert color="red" icon={<IconInfoCircle />} title={t('counts.loadFailed')}>
        <Anchor component={Link} to="/stock/counts">
          {t('counts.back')}
        </Anchor>
      </Alert>
    );
  }
  if (!count.data) {
    return (
      <Center mih={200}>
        <Loader />
      </Center>
    );
  }

  const c = count.data;
  const open = c.status === 'open';
  const editable = open && canCount;
  const differences = c.lines.filter(hasDifference);
  const counted = c.lines.filter((l) => l.counted).length;
  const needle = filter.trim().toLowerCase();
  const shown = (view === 'differences' ? differences : c.lines).filter((l) => !needle || l.sku.toLowerCase().includes(needle) || l.productName.toLowerCase().includes(needle));

  // What ends the counting: posting, for who may adjust stock (an open or submitted count); else submitting it for review.
  const finishButton =
    canAdjust && (open || c.status === 'submitted') ? (
      <Button leftSection={<IconChecks size={16} />} onClick={() => setDialog('post')}>
        {t('counts.post')}
      </Button>
    ) : editable ? (
      <Button leftSection={<IconSend size={16} />} onClick={() => setDialog('submit')}>
        {t('counts.submit')}
      </Button>
    ) : null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/stock/counts" size="sm">
        ← {t('counts.back')}
      </Anchor>
      <PageHeader
        title={t('counts.heading', { number: c.number, location: c.locationName })}
        description={
          <Group gap="xs" component="span">
            <StatusBadge prefix="counts" status={c.status} />
            <span>{t('counts.meta', { date: f.dateTime(c.createdAt), user: c.userName })}</span>
            {c.postedAt && <span>· {t('counts.postedMeta', { date: f.dateTime(c.postedAt) })}</span>}
          </Group>
        }
        actions={
          <>
            {(editable || (c.status === 'submitted' && canAdjust)) && (
              <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={() => setDialog('cancel')}>
                {t('counts.cancel')}
              </Button>
            )}
            {c.status === 'submitted' && canAdjust && (
              <Button variant="default" color="orange" leftSection={<IconArrowBackUp size={16} />} onClick={() => setDialog('sendBack')}>
                {t('counts.sendBack')}
              </Button>
            )}
            {finishButton}
            {c.status === 'posted' && canReverse && (
              <Button variant="light" color="orange" leftSection={<IconArrowBackUp size={16} />} onClick={() => setDialog('reverse')}>
                {t('counts.reverse')}
              </Button>
            )}
          </>
        }
      />
      {c.note && <Text size="sm">{c.note}</Text>}
      {open && c.reviewNote && (
        <Alert color="orange" icon={<IconArrowBackUp />} data-testid="count-review-note">
          {t('counts.reviewNote', { note: c.reviewNote })}
        </Alert>
      )}
      {editable ? (
        <Paper withBorder p="md">
          <ScanField countId={c.id} />
        </Paper>
      ) : (
        !open && (
          <Alert color="gray" icon={<IconInfoCircle />} data-testid="count-read-only">
            {c.status !== 'open' && t(`counts.readOnly.${c.status}`)}
          </Alert>
        )
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <SegmentedControl
          data-testid="count-view"
          value={view}
          onChange={(v) => setView(v as 'all' | 'differences')}
          data={[
            { value: 'all', label: t('counts.allLines', { count: c.lines.length }) },
            { value: 'differences', label: t('counts.reviewDifferences', { count: differences.length }) },
          ]}
        />
        <TextInput leftSection={<IconSearch size={16} />} aria-label={t('counts.filterLines')} placeholder={t('counts.filterLines')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={260} />
      </Group>
      <Text size="sm" c="dimmed" data-testid="count-summary">
        {t('counts.summary', { lines: c.lines.length, counted, differences: differences.length })}
      </Text>
      {view === 'differences' && differences.length === 0 ? (
        <Alert color="teal" icon={<IconChecks />}>
          {t('counts.noDifferences')}
        </Alert>
      ) : (
        <CountLinesTable countId={c.id} lines={shown} editable={editable} />
      )}
      {view === 'differences' && editable && differences.length > 0 && <Group justify="flex-end">{finishButton}</Group>}
      {dialog && <CountDialogs dialog={dialog} count={c} differences={differences.length} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
