// One purchase order: header, approval, lines (edited while New), receipts and history, with the
// actions its status and the user's permissions allow. /purchasing/orders/:id?tab=lines|receipts|history
import { Group, Stack, Tabs, Text } from '@mantine/core';
import { IconHistory, IconListDetails, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BackLink } from '@renderer/lib/BackLink';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useOrder } from '../api';
import { ApprovalNotice } from './ApprovalNotice';
import { ApprovalBadge, PoStatusBadge } from './Badges';
import { DecisionModal, type Decision } from './DecisionModal';
import { EditHeaderModal } from './EditHeaderModal';
import { EmailOrderModal } from './EmailOrderModal';
import { HistoryTab } from './HistoryTab';
import { LinesTab } from './LinesTab';
import { OrderActions, type OrderDialog } from './OrderActions';
import { CancelOrderModal, SubmitOrderModal } from './OrderDialogs';
import { OrderHeaderCard } from './OrderHeaderCard';
import { ReceiptsTab } from './ReceiptsTab';

const tabs = ['lines', 'receipts', 'history'] as const;
type Tab = (typeof tabs)[number];

export function PurchaseOrderPage() {
  const { t } = useTranslation(['purchasing', 'common']);
  const id = useRouteId();
  const order = useOrder(id);
  const [search, setSearch] = useSearchParams();
  const tab: Tab = tabs.find((x) => x === search.get('tab')) ?? 'lines';
  const [dialog, setDialog] = useState<OrderDialog | Decision | null>(null);
  const canManage = useCan('purchasing.manage');
  const close = () => setDialog(null);

  const back = <BackLink to="/purchasing/orders">{t('order.backToList')}</BackLink>;

  const waiting = documentState(id, order, back, t('order.notFound'));
  if (waiting || !order.data) return waiting;
  const o = order.data;
  const mayEdit = canManage && o.status !== 'canceled' && o.status !== 'receivedFull';
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('order.title', { number: o.number })}
        description={
          <Group gap="xs" component="span">
            <PoStatusBadge status={o.status} data-testid="po-status" />
            <ApprovalBadge approval={o.approvalStatus} data-testid="po-approval" />
            <Text span size="sm" c="dimmed">
              {o.vendorName}
            </Text>
          </Group>
        }
      />
      <ApprovalNotice order={o} onDecide={setDialog} />
      <OrderActions order={o} onOpen={setDialog} />
      <OrderHeaderCard order={o} onEdit={mayEdit ? () => setDialog('edit') : null} />
      <Tabs value={tab} onChange={(value) => setSearch(value && value !== 'lines' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="lines" leftSection={<IconListDetails size={16} />}>
            {t('order.tabs.lines')}
          </Tabs.Tab>
          <Tabs.Tab value="receipts" leftSection={<IconTruckDelivery size={16} />}>
            {t('order.tabs.receipts')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('order.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lines">
          <LinesTab order={o} />
        </Tabs.Panel>
        <Tabs.Panel value="receipts">
          <ReceiptsTab order={o} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryTab order={o} />
        </Tabs.Panel>
      </Tabs>
      {dialog === 'submit' && <SubmitOrderModal order={o} onClose={close} />}
      {dialog === 'cancel' && <CancelOrderModal order={o} onClose={close} />}
      {dialog === 'email' && <EmailOrderModal order={o} onClose={close} />}
      {dialog === 'edit' && <EditHeaderModal order={o} onClose={close} />}
      {(dialog === 'approve' || dialog === 'reject') && <DecisionModal order={o} decision={dialog} onClose={close} />}
    </Stack>
  );
}
