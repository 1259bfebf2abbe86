// What a request waiting for approval tells the approver reading Purchase Approvals: why they may not
// approve it (their own request, or above their approval limit — and which tier would do) and whether it
// has waited longer than the settings allow. Shared by the charges and the purchase orders waiting; the
// overdue mark also by the order lists and Receiving (an order past its ship date, a back order too old).
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CellBadge } from '@renderer/lib/list';
import { useApprovalLimits } from '@renderer/lib/lookups';
import { useSession } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';

interface Request {
  id: number;
  approverConflict: 'creator' | 'requester' | null;
  withinLimit: boolean;
  neededLimit: string | null;
}

/** Whether the reader may approve it (the Approve button is disabled otherwise). */
export const mayApprove = (r: Request): boolean => r.approverConflict === null && r.withinLimit;

/** The id of the sentence saying why not, for the disabled button's aria-describedby. */
export const whyNotId = (kind: 'order' | 'charge', r: Request): string | undefined => (mayApprove(r) ? undefined : `why-not-${kind}-${r.id}`);

export function WhyNotYou({ kind, request }: { kind: 'order' | 'charge'; request: Request }) {
  const { t } = useTranslation('purchasing');
  if (mayApprove(request)) return null;
  let text: string;
  if (request.approverConflict) text = kind === 'charge' ? t(`approvals.ownCharge.${request.approverConflict}`) : t(`approvals.ownRequest.${request.approverConflict}`);
  else if (request.neededLimit) text = t('approvals.aboveLimit', { tier: request.neededLimit });
  else text = t('approvals.aboveEveryLimit');
  return (
    <Text size="xs" c="dimmed" id={whyNotId(kind, request)} data-testid="why-not" maw={260} ta="right">
      {text}
    </Text>
  );
}

/**
 * "Overdue", or nothing. A plain element (CellBadge), as lists draw it on many rows; `title` says what is
 * late where the place alone does not (the back-ordered units, the expected ship date).
 */
export function OverdueBadge({ overdue, ...props }: { overdue: boolean } & HTMLAttributes<HTMLSpanElement>) {
  const { t } = useTranslation('purchasing');
  return overdue ? (
    <CellBadge color="red" data-testid="overdue" {...props}>
      {t('approvals.overdue')}
    </CellBadge>
  ) : null;
}

/** "Your approval limit: Manager, up to 20,000.00 €", from the signed-in user and the tiers. */
export function YourLimit() {
  const { t } = useTranslation('purchasing');
  const f = useFormat();
  const user = useSession((s) => s.user);
  const limits = useApprovalLimits();
  if (!user || !limits.data || limits.data.length === 0) return null;
  const tier = user.isAdmin ? undefined : limits.data.find((l) => l.id === user.approvalLimitId);
  return (
    <Text size="sm" data-testid="your-limit">
      {tier && tier.upTo !== null ? t('approvals.yourLimit', { name: tier.name, amount: f.money(tier.upTo) }) : t('approvals.yourLimitNone')}
    </Text>
  );
}

/**
 * Approve and Reject for one request of Purchase Approvals, named for screen readers; Approve is disabled
 * (and says why) when the reader may not approve it.
 */
export function DecisionButtons({ kind, request, number, onDecide }: { kind: 'order' | 'charge'; request: Request; number: string; onDecide: (decision: 'approve' | 'reject') => void }) {
  const { t } = useTranslation('purchasing');
  const names = kind === 'order' ? 'approvals' : 'chargeApprovals';
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        <Button
          size="compact-sm"
          color="teal"
          leftSection={<IconCheck size={14} />}
          aria-label={t(`${names}.approveNamed`, { number })}
          disabled={!mayApprove(request)}
          aria-describedby={whyNotId(kind, request)}
          onClick={() => onDecide('approve')}
        >
          {t('decision.approve')}
        </Button>
        <Button size="compact-sm" color="red" variant="light" leftSection={<IconX size={14} />} aria-label={t(`${names}.rejectNamed`, { number })} onClick={() => onDecide('reject')}>
          {t('decision.reject')}
        </Button>
      </Group>
      <WhyNotYou kind={kind} request={request} />
    </Stack>
  );
}
