import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChargeStatus, Container, Delivery, Device, Opportunity, SalesOrderStatus } from '@shared/contract/sales';
import type { ReturnCondition } from '@shared/contract/returns';
import type { RmaStatus } from '@shared/contract/rma';
import { CellBadge } from '@renderer/lib/list';

type SpanProps = HTMLAttributes<HTMLSpanElement>;

const chargeColors: Record<ChargeStatus, string> = {
  pending: 'gray',
  waitingApproval: 'yellow',
  needToOrder: 'orange',
  onOrder: 'blue',
  ready: 'cyan',
  delivered: 'teal',
  canceled: 'gray',
};

/** Where a charge stands: its status follows its quantities (picked, delivered). */
export function ChargeStatusBadge({ status, ...props }: { status: ChargeStatus } & SpanProps) {
  const { t } = useTranslation('sales');
  return (
    <CellBadge color={chargeColors[status]} variant={status === 'canceled' ? 'outline' : 'light'} data-status={status} {...props}>
      {t(`chargeStatus.${status}`)}
    </CellBadge>
  );
}

const kindColors: Record<Container['kind'], string> = { contract: 'grape', project: 'indigo', ticket: 'blue' };

export function ContainerKindBadge({ kind, ...props }: { kind: Container['kind'] } & SpanProps) {
  const { t } = useTranslation('sales');
  return (
    <CellBadge color={kindColors[kind]} {...props}>
      {t(`kinds.${kind}`)}
    </CellBadge>
  );
}

export function ContainerStatusBadge({ status, ...props }: { status: Container['status'] } & SpanProps) {
  const { t } = useTranslation('sales');
  return (
    <CellBadge color={status === 'open' ? 'teal' : 'gray'} data-status={status} {...props}>
      {t(`containerStatus.${status}`)}
    </CellBadge>
  );
}

export function DeliveryStatusBadge({ status, method, ...props }: { status: Delivery['status']; method: Delivery['method'] } & SpanProps) {
  const { t } = useTranslation('sales');
  return (
    <CellBadge color={status === 'reversed' ? 'gray' : method === 'ship' ? 'blue' : 'teal'} data-status={status} {...props}>
      {status === 'reversed' ? t('deliveryStatus.reversed') : t(`methods.${method}`)}
    </CellBadge>
  );
}

const deviceColors: Record<Device['status'], string> = { installed: 'teal', voided: 'gray', returned: 'orange' };

export function DeviceStatusBadge({ status, ...props }: { status: Device['status'] } & SpanProps) {
  const { t } = useTranslation('sales');
  return (
    <CellBadge color={deviceColors[status]} data-status={status} {...props}>
      {t(`deviceStatus.${status}`)}
    </CellBadge>
  );
}

const opportunityColors: Record<Opportunity['status'], string> = { open: 'blue', won: 'teal', lost: 'gray' };

export function OpportunityStatusBadge({ status, ...props }: { status: Opportunity['status'] } & SpanProps) {
  const { t } = useTranslation('sales');
  return (
    <CellBadge color={opportunityColors[status]} data-status={status} {...props}>
      {t(`opportunityStatus.${status}`)}
    </CellBadge>
  );
}

const salesOrderColors: Record<SalesOrderStatus, string> = { open: 'blue', inProgress: 'cyan', partiallyFulfilled: 'orange', fulfilled: 'teal', canceled: 'gray' };

/** Where a sales order stands: its status follows its charges. */
export function SalesOrderStatusBadge({ status, ...props }: { status: SalesOrderStatus } & SpanProps) {
  const { t } = useTranslation('sales');
  return (
    <CellBadge color={salesOrderColors[status]} variant={status === 'canceled' ? 'outline' : 'light'} data-status={status} {...props}>
      {t(`salesOrderStatus.${status}`)}
    </CellBadge>
  );
}

const conditionColors: Record<ReturnCondition, string> = { new: 'teal', used: 'blue', faulty: 'red' };

/** How units came back on a client return: new, used or faulty. */
export function ReturnConditionBadge({ condition, ...props }: { condition: ReturnCondition } & SpanProps) {
  const { t } = useTranslation('sales');
  return (
    <CellBadge color={conditionColors[condition]} data-condition={condition} {...props}>
      {t(`returns.conditions.${condition}`)}
    </CellBadge>
  );
}

const rmaColors: Record<RmaStatus, string> = {
  requested: 'yellow',
  authorized: 'blue',
  rejected: 'gray',
  received: 'cyan',
  sentToVendor: 'orange',
  backFromVendor: 'lime',
  replacementReceived: 'lime',
  delivered: 'teal',
  closed: 'gray',
  canceled: 'gray',
};

export function RmaStatusBadge({ status, ...props }: { status: RmaStatus } & SpanProps) {
  const { t } = useTranslation('sales');
  return (
    <CellBadge color={rmaColors[status]} variant={status === 'canceled' || status === 'rejected' ? 'outline' : 'light'} data-status={status} {...props}>
      {t(`rma.statuses.${status}`)}
    </CellBadge>
  );
}
