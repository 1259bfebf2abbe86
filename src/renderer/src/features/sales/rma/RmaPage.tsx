// One RMA: the client's device and its fault, the vendor and tracking both ways, where the unit is, the
// credit, the replacement and the delivery back, its history, and the next steps its type and state allow.
// /sales/rma/:id
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileText, IconMail, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rmaFinished, type Rma } from '@shared/contract/rma';
import { Money } from '@renderer/lib/Amount';
import { BackLink } from '@renderer/lib/BackLink';
import { dash, DetailField } from '@renderer/lib/DetailField';
import { documentState, useRouteId } from '@renderer/lib/DocumentState';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { downloadBlob, pdfBlob } from '@renderer/lib/pdf';
import { useApiMutation } from '@renderer/lib/query';
import { useCan } from '@renderer/lib/session';
import { useFormat } from '@renderer/lib/useFormat';
import { useRma } from '../api';
import { RmaStatusBadge } from '../Badges';
import { EventHistory } from '@renderer/lib/EventHistory';
import { RmaEmailModal } from './RmaEmailModal';
import { RmaFormModal } from './RmaFormModal';
import { RmaStepModal, type RmaStep } from './RmaStepModal';

/** The steps an RMA may take now: the next one on its type's path first, cancel last. */
export function nextSteps(rma: Pick<Rma, 'status' | 'type' | 'fromSwap'>): RmaStep[] {
  // After a swap the client has a unit already: the vendor's goes to stock and the RMA closes.
  const back: RmaStep[] = rma.fromSwap ? ['close', 'deliver'] : ['deliver'];
  const next: Record<string, RmaStep[]> = {
    requested: ['authorize', 'reject'],
    authorized: ['receive'],
    received: [rma.type === 'return' ? 'close' : 'sendToVendor'],
    sentToVendor: [rma.type === 'repair' ? 'backFromVendor' : 'receiveReplacement'],
    backFromVendor: back,
    replacementReceived: back,
    delivered: ['close'],
  };
  return rmaFinished.includes(rma.status) ? [] : [...(next[rma.status] ?? []), 'cancel'];
}

export function RmaPage() {
  const { t, i18n } = useTranslation(['sales', 'common']);
  const f = useFormat();
  const id = useRouteId();
  const rma = useRma(id);
  const canManage = useCan('rma.manage');
  const canSeeCosts = useCan('costs.view');
  const [step, setStep] = useState<RmaStep | null>(null);
  const [editing, setEditing] = useState(false);
  const [emailing, setEmailing] = useState(false);
  const pdf = useApiMutation('rma.pdf', { invalidate: [] });
  const back = <BackLink to="/sales/rma">{t('rma.back')}</BackLink>;
  const waiting = documentState(id, rma, back, t('rma.notFound'));
  if (waiting || !rma.data) return waiting;
  const r = rma.data;
  const link = (to: string, text: string | null) => (
    <Anchor component={Link} to={to} size="sm">
      {text}
    </Anchor>
  );
  const steps = canManage ? nextSteps(r) : [];
  const print = (audience: 'client' | 'vendor') =>
    pdf.mutate(
      { id: r.id, audience, locale: i18n.language === 'es' ? 'es' : 'en' },
      {
        onSuccess: (file) => {
          downloadBlob(pdfBlob(file.base64), file.filename);
          notify.success('sales:rma.pdfSaved', { filename: file.filename });
        },
      },
    );
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('rma.docTitle', { number: r.number, type: t(`rma.types.${r.type}`) })}
        description={
          <Group gap="xs" component="span">
            <RmaStatusBadge status={r.status} data-testid="rma-status" />
            {r.overdue && (
              <Badge color="red" variant="filled" size="sm">
                {t('rma.overdue')}
              </Badge>
            )}
            <Text span size="sm" c="dimmed">
              {r.companyName} · {f.dateTime(r.createdAt)} · {r.createdByName}
            </Text>
          </Group>
        }
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileText size={16} />} loading={pdf.isPending} onClick={() => print('client')}>
              {t('rma.print')}
            </Button>
            {r.vendorId !== null && (
              <Button variant="default" leftSection={<IconFileText size={16} />} loading={pdf.isPending} onClick={() => print('vendor')}>
                {t('rma.printVendor')}
              </Button>
            )}
            {canManage && (
              <Button variant="default" leftSection={<IconMail size={16} />} onClick={() => setEmailing(true)}>
                {t('rma.emailButton')}
              </Button>
            )}
            {steps.map((s, i) => (
              <Button key={s} variant={i === 0 && s !== 'cancel' ? 'filled' : 'default'} color={s === 'cancel' || s === 'reject' ? 'red' : undefined} onClick={() => setStep(s)}>
                {t(`rma.actions.${s}`)}
              </Button>
            ))}
            {canManage && !rmaFinished.includes(r.status) && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('rma.edit')}
              </Button>
            )}
          </Group>
        }
      />
      {r.status === 'rejected' && r.rejectReason && <Alert color="gray">{t('rma.rejected', { reason: r.rejectReason })}</Alert>}
      {r.status === 'canceled' && r.cancelReason && <Alert color="gray">{t('rma.canceled', { reason: r.cancelReason })}</Alert>}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <DetailField label={t('rma.client')}>{link(`/sales/clients/${r.companyId}`, r.companyName)}</DetailField>
          <DetailField label={t('rma.device')}>
            {link(`/sales/devices/${r.deviceId}`, r.serialNumber)}
            <Text size="xs">
              {r.sku} · {r.productName}
            </Text>
          </DetailField>
          <DetailField label={t('rma.fault')}>{r.fault}</DetailField>
          <DetailField label={t('rma.charge')}>{r.chargeId ? link(`/sales/charges/${r.chargeId}`, r.chargeNumber) : dash}</DetailField>
          <DetailField label={t('rma.vendor')}>{r.vendorName ?? dash}</DetailField>
          <DetailField label={t('rma.vendorRma')}>{r.vendorRmaNumber ?? dash}</DetailField>
          <DetailField label={t('rma.trackingToVendor')}>{r.trackingToVendor ?? dash}</DetailField>
          <DetailField label={t('rma.trackingFromVendor')}>{r.trackingFromVendor ?? dash}</DetailField>
          <DetailField label={t('rma.expectedFromClient')}>{r.expectedFromClient ? f.day(r.expectedFromClient) : dash}</DetailField>
          <DetailField label={t('rma.expectedFromVendor')}>{r.expectedFromVendor ? f.day(r.expectedFromVendor) : dash}</DetailField>
          <DetailField label={t('rma.location')}>{r.locationName ?? dash}</DetailField>
          <DetailField label={t('rma.clientReturn')}>{r.returnId ? link(`/sales/returns/${r.returnId}`, r.returnNumber) : dash}</DetailField>
          <DetailField label={t('rma.credit')}>
            {r.creditChargeId ? (
              <Group gap={6}>
                {link(`/sales/charges/${r.creditChargeId}`, r.creditChargeNumber)}
                <Text size="sm">
                  <Money value={-(r.creditAmount ?? 0)} />
                </Text>
              </Group>
            ) : (
              t('rma.noCredit')
            )}
          </DetailField>
          {canSeeCosts && (
            <DetailField label={t('rma.unitCost')}>
              <Money value={r.unitCost} />
            </DetailField>
          )}
          {r.replacementSerial && (
            <DetailField label={t('rma.replacement')}>
              {r.replacementSerial}
              {canSeeCosts && (
                <Text size="xs">
                  {t('rma.replacementCost')}: <Money value={r.replacementCost} />
                  {r.vendorFee ? (
                    <>
                      {' '}
                      · {t('rma.vendorFee')}: <Money value={r.vendorFee} />
                    </>
                  ) : null}
                </Text>
              )}
              {r.vendorCredited && <Text size="xs">{t('rma.vendorCredited')}</Text>}
            </DetailField>
          )}
          {r.deliveryId && <DetailField label={t('rma.delivery')}>{link(`/sales/deliveries/${r.deliveryId}`, r.deliveryNumber)}</DetailField>}
          {r.newDeviceId && <DetailField label={t('rma.newDevice')}>{link(`/sales/devices/${r.newDeviceId}`, r.replacementSerial ?? r.serialNumber)}</DetailField>}
          {r.note && <DetailField label={t('rma.note')}>{r.note}</DetailField>}
        </SimpleGrid>
      </Paper>
      <EventHistory
        testId="rma-history"
        events={r.history}
        describe={(e) => (
          <>
            {e.type === 'created'
              ? t('rma.created')
              : e.type === 'updated'
                ? t('rma.edit')
                : e.type === 'emailed' || e.type === 'emailFailed'
                  ? t(`rma.email.${e.type}`, { to: Array.isArray(e.details.to) ? e.details.to.join(', ') : '' })
                  : t(`rma.actions.${e.type as RmaStep}`, { defaultValue: e.type })}
            {e.toState && e.fromState !== e.toState ? ` → ${t(`rma.statuses.${e.toState as Rma['status']}`)}` : ''}
            {typeof e.details.returnNumber === 'string' ? ` · ${e.details.returnNumber}` : ''}
            {typeof e.details.deliveryNumber === 'string' ? ` · ${e.details.deliveryNumber}` : ''}
            {typeof e.details.serial === 'string' && e.type !== 'created' ? ` · ${e.details.serial}` : ''}
            {typeof e.details.reason === 'string' ? ` · ${e.details.reason}` : ''}
          </>
        )}
      />
      {step && <RmaStepModal rma={r} step={step} onClose={() => setStep(null)} />}
      {editing && <RmaFormModal rma={r} onClose={() => setEditing(false)} />}
      {emailing && <RmaEmailModal rma={r} onClose={() => setEmailing(false)} />}
    </Stack>
  );
}
