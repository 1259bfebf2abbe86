import { Alert, Center, Loader, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconBan,
  IconCheck,
  IconFilePlus,
  IconMailExclamation,
  IconMailForward,
  IconMinus,
  IconPencil,
  IconPlus,
  IconSend,
  IconShieldQuestion,
  IconTrash,
  IconTruckDelivery,
  IconX,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoEvent, PurchaseOrder } from '@shared/contract/purchasing';
import { translateError } from '@renderer/lib/errors';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useInternalLocations } from '@renderer/lib/lookups';
import { useOrderHistory } from '../api';
import { describeEvent } from './historyText';

const looks: Record<PoEvent['type'], [ComponentType<{ size?: number }>, string]> = {
  created: [IconFilePlus, 'blue'],
  updated: [IconPencil, 'gray'],
  lineAdded: [IconPlus, 'gray'],
  chargesAdded: [IconPlus, 'gray'],
  lineUpdated: [IconPencil, 'gray'],
  lineRemoved: [IconTrash, 'gray'],
  approvalRequested: [IconShieldQuestion, 'yellow'],
  approved: [IconCheck, 'teal'],
  rejected: [IconX, 'red'],
  submitted: [IconSend, 'blue'],
  emailed: [IconMailForward, 'blue'],
  emailFailed: [IconMailExclamation, 'red'],
  received: [IconTruckDelivery, 'teal'],
  receiptCanceled: [IconArrowBackUp, 'orange'],
  lineReduced: [IconMinus, 'orange'],
  canceled: [IconBan, 'red'],
};

/** Everything that happened to the order, newest first, each as a sentence with who and when. */
export function HistoryTab({ order }: { order: PurchaseOrder }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const f = useFormat();
  const showCosts = useCan('costs.view');
  const history = useOrderHistory(order.id);
  const locations = useInternalLocations();
  // Events name the companies they changed; older ones fall back to the order's own companies.
  const names = new Map<number, string>([[order.vendorId, order.vendorName]]);
  if (order.purchaseForCompanyId && order.purchaseForName) names.set(order.purchaseForCompanyId, order.purchaseForName);
  const ctx = {
    t,
    f,
    showCosts,
    companyName: (id: number) => names.get(id),
    locationName: (id: number) => locations.data?.find((l) => l.id === id)?.name,
  };

  if (history.isError) return <Alert color="red">{translateError(history.error)}</Alert>;
  if (!history.data) {
    return (
      <Center mih={160}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  return (
    <Timeline bulletSize={28} lineWidth={2} data-testid="po-history" mt="xs">
      {history.data.map((e) => {
        const [Icon, color] = looks[e.type];
        const { text, details } = describeEvent(e, ctx);
        return (
          <Timeline.Item
            key={e.id}
            data-event={e.type}
            bullet={
              <ThemeIcon size={28} radius="xl" color={color} variant="light">
                <Icon size={16} />
              </ThemeIcon>
            }
            title={
              <Text fw={600} size="sm">
                {text}
              </Text>
            }
          >
            <Stack gap={2}>
              {details.map((line, i) => (
                <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {line}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                {t('history.meta', { user: e.userName ?? t('history.system'), date: f.dateTime(e.occurredAt) })}
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
