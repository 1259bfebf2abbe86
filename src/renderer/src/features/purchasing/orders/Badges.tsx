import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoSummary } from '@shared/contract/purchasing';
import type { VendorReturnStatus } from '@shared/contract/vendorReturns';
import { CellBadge } from '@renderer/lib/list';

const statusColors: Record<PoSummary['status'], string> = {
  new: 'cyan',
  submitted: 'blue',
  receivedPartial: 'orange',
  receivedFull: 'teal',
  canceled: 'gray',
};

const approvalColors: Record<PoSummary['approvalStatus'], string> = { none: 'gray', requested: 'yellow', approved: 'teal', rejected: 'red' };

/** The status of a purchase order (New → Submitted → Received partial → Received full, or Canceled). */
export function PoStatusBadge({ status, ...props }: { status: PoSummary['status'] } & HTMLAttributes<HTMLSpanElement>) {
  const { t } = useTranslation('purchasing');
  return (
    <CellBadge color={statusColors[status]} data-status={status} {...props}>
      {t(`status.${status}`)}
    </CellBadge>
  );
}

/** The approval of a purchase order; nothing while none was asked for. */
export function ApprovalBadge({ approval, ...props }: { approval: PoSummary['approvalStatus'] } & HTMLAttributes<HTMLSpanElement>) {
  const { t } = useTranslation('purchasing');
  if (approval === 'none') return null;
  return (
    <CellBadge color={approvalColors[approval]} variant="outline" data-approval={approval} {...props}>
      {t(`approval.${approval}`)}
    </CellBadge>
  );
}

const vendorReturnColors: Record<VendorReturnStatus, string> = { sent: 'orange', partlyResolved: 'yellow', resolved: 'teal' };

/** Where a vendor return stands: sent, partly answered, answered. */
export function VendorReturnStatusBadge({ status, ...props }: { status: VendorReturnStatus } & HTMLAttributes<HTMLSpanElement>) {
  const { t } = useTranslation('purchasing');
  return (
    <CellBadge color={vendorReturnColors[status]} data-status={status} {...props}>
      {t(`vendorReturns.statuses.${status}`)}
    </CellBadge>
  );
}
