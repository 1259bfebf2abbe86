// The charges waiting for approval on Purchase Approvals, longest waiting first: money about to be spent for
// a client (the charge's extended catalogue cost reached the threshold). Approve lets it on to Purchasing & Fulfillment; reject
// puts it on hold with a note for whoever added it.
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import { Money, Qty } from '@renderer/lib/Amount';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { notify } from '@renderer/lib/notify';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useApproveCharge, useChargesWaiting, useRejectCharge } from '../api';
import { DecisionButtons, OverdueBadge } from './ApprovalMarks';

type Waiting = ChannelOutput<'sales.listChargeApprovals'>['rows'][number];

export function ChargeApprovals() {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  // Approvers see what they decide on, costs included (the lists' costsVisibleTo).
  const mayViewCosts = useCan('costs.view');
  const mayApprove = useCan('purchasing.approve');
  const canSeeCosts = mayViewCosts || mayApprove;
  const waiting = useChargesWaiting();
  const approve = useApproveCharge();
  const reject = useRejectCharge();
  const [deciding, setDeciding] = useState<{ charge: Waiting; decision: 'approve' | 'reject' } | null>(null);
  const rows = waiting.data?.rows ?? [];
  const close = () => setDeciding(null);
  return (
    <Stack gap="xs" data-testid="charge-approvals">
      <Text fw={700}>{t('chargeApprovals.title', { count: rows.length })}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('chargeApprovals.empty')}
        </Text>
      ) : (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('chargeApprovals.charge')}</Table.Th>
              <Table.Th>{t('chargeApprovals.client')}</Table.Th>
              <Table.Th>{t('chargeApprovals.product')}</Table.Th>
              <Table.Th ta="right">{t('chargeApprovals.quantity')}</Table.Th>
              {canSeeCosts && <Table.Th ta="right">{t('chargeApprovals.cost')}</Table.Th>}
              <Table.Th>{t('chargeApprovals.requestedBy')}</Table.Th>
              <Table.Th>{t('chargeApprovals.waitingSince')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/sales/charges/${c.id}`} size="sm">
                    {c.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.companyName}</Text>
                  <Text size="xs" c="dimmed">
                    {c.containerNumber} · {c.containerTitle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.sku}
                  </Text>
                  <Text size="xs">{c.productName}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Qty value={c.quantity} />
                </Table.Td>
                {canSeeCosts && (
                  <Table.Td ta="right">
                    <Money value={c.amount} fw={600} />
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm">{c.createdByName}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{f.dateTime(c.waitingSince)}</Text>
                    <OverdueBadge overdue={c.overdue} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <DecisionButtons kind="charge" request={c} number={c.number} onDecide={(decision) => setDeciding({ charge: c, decision })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {deciding?.decision === 'approve' && (
        <ConfirmModal
          title={t('chargeApprovals.approveTitle', { number: deciding.charge.number })}
          text={t('chargeApprovals.approveText')}
          confirmLabel={t('decision.approve')}
          color="teal"
          reason={{ label: t('chargeApprovals.note') }}
          loading={approve.isPending}
          error={approve.error}
          onClose={close}
          onConfirm={(note) =>
            approve.mutate({ id: deciding.charge.id, note: note || null }, { onSuccess: () => (notify.success('purchasing:chargeApprovals.approved', { number: deciding.charge.number }), close()) })
          }
        />
      )}
      {deciding?.decision === 'reject' && (
        <ConfirmModal
          title={t('chargeApprovals.rejectTitle', { number: deciding.charge.number })}
          text={t('chargeApprovals.rejectText')}
          confirmLabel={t('decision.reject')}
          color="red"
          reason={{ label: t('chargeApprovals.note'), required: true, missing: t('chargeApprovals.noteRequired') }}
          loading={reject.isPending}
          error={reject.error}
          onClose={close}
          onConfirm={(note) =>
            reject.mutate({ id: deciding.charge.id, note: note ?? '' }, { onSuccess: () => (notify.success('purchasing:chargeApprovals.rejected', { number: deciding.charge.number }), close()) })
          }
        />
      )}
    </Stack>
  );
}
