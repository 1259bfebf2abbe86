import { ActionIcon, Button, Group, Stack, Tooltip } from '@mantine/core';
import { IconListDetails, IconPencil, IconPlus, IconReceiptOff, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoLine, PurchaseOrder } from '@shared/contract/purchasing';
import { ColumnChooser, ListTable, useListView } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { AddLineModal } from './AddLineModal';
import { EditLineModal } from './EditLineModal';
import { ReduceLineModal, RemoveLineModal } from './LineDialogs';
import { lineColumns } from './lineColumns';
import { OrderTotals } from './OrderTotals';

type LineDialog = { kind: 'add' } | { kind: 'edit' | 'remove' | 'reduce'; line: PoLine };

/** The order's lines with their quantities received, cancelled and still owed, and the order's totals. */
export function LinesTab({ order }: { order: PurchaseOrder }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const canManage = useCan('purchasing.manage');
  const canSeeCosts = useCan('costs.view');
  const [dialog, setDialog] = useState<LineDialog | null>(null);
  const editable = canManage && order.status === 'new';
  const reducible = canManage && (order.status === 'submitted' || order.status === 'receivedPartial');
  const close = () => setDialog(null);

  const actions = (line: PoLine) => {
    if (editable) {
      return (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label={t('common:actions.edit')}>
            <ActionIcon variant="subtle" aria-label={t('lineForm.editNamed', { lineNo: line.lineNo })} onClick={() => setDialog({ kind: 'edit', line })}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('common:actions.remove')}>
            <ActionIcon variant="subtle" color="red" aria-label={t('lineForm.removeNamed', { lineNo: line.lineNo })} onClick={() => setDialog({ kind: 'remove', line })}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      );
    }
    if (reducible && line.outstanding > 0) {
      return (
        <Tooltip label={t('reduce.action')}>
          <ActionIcon variant="light" color="orange" aria-label={t('reduce.named', { lineNo: line.lineNo })} onClick={() => setDialog({ kind: 'reduce', line })}>
            <IconReceiptOff size={16} />
          </ActionIcon>
        </Tooltip>
      );
    }
    return null;
  };

  const addButton = editable && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'add' })}>
      {t('lineForm.addButton')}
    </Button>
  );

  const view = useListView({ id: 'purchasing.orderLines', columns: lineColumns(t, f, order.lines, { showCosts: canSeeCosts, submitted: order.status !== 'new' }, editable || reducible ? actions : null) });

  return (
    <Stack gap="md">
      {order.lines.length > 0 && (
        <Group justify="space-between">
          {editable ? addButton : <span />}
          <ColumnChooser view={view} />
        </Group>
      )}
      <ListTable
        testId="po-lines"
        view={view}
        query={{ data: order.lines }}
        fit={false}
        empty={{ icon: IconListDetails, testId: 'po-lines-empty', title: t('lines.emptyTitle'), description: editable ? t('lines.emptyText') : t('lines.emptyReadOnly'), action: addButton }}
        // With every quantity column (received partly, some cancelled) the table may scroll sideways; the actions stay in view.
        extra={{ verticalAlign: 'top', pinLastColumn: editable || reducible }}
      />
      {order.lines.length > 0 && (
        <Group justify="flex-end">
          <OrderTotals order={order} />
        </Group>
      )}
      {dialog?.kind === 'add' && <AddLineModal order={order} onClose={close} />}
      {dialog?.kind === 'edit' && <EditLineModal line={dialog.line} onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveLineModal line={dialog.line} onClose={close} />}
      {dialog?.kind === 'reduce' && <ReduceLineModal line={dialog.line} onClose={close} />}
    </Stack>
  );
}
