import { Alert, Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerKinds, type Container, type OpportunityDetail } from '@shared/contract/sales';
import { FormFooter } from '@renderer/lib/FormFooter';
import { useModuleOn } from '@renderer/lib/activations';
import { notify } from '@renderer/lib/notify';
import { UserSelect } from '@renderer/lib/pickers/UserSelect';
import { useApiQuery } from '@renderer/lib/query';
import { translateError } from '@renderer/lib/errors';
import { useUntilEdited } from '@renderer/lib/staleMessage';
import { useWinOpportunity } from '../api';

/**
 * The won-opportunity wizard: where the client is billed (one of its open contracts, projects or tickets,
 * or a new one), then in one step its items become charges, the reserved units are picked for them, and a
 * sales order is made.
 */
export function WinModal({ opportunity, onClose, onWon }: { opportunity: OpportunityDetail; onClose: () => void; onWon: (path: string) => void }) {
  const { t } = useTranslation(['sales', 'common']);
  const win = useWinOpportunity();
  const containers = useApiQuery(['sales'], 'sales.listContainers', { companyId: opportunity.companyId, status: 'open', pageSize: 100, sortBy: 'number' });
  const existing = containers.data?.rows ?? [];
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [containerId, setContainerId] = useState<number | null>(null);
  // Without Procurement the wizard makes the charges only: no sales order, and nothing was reserved.
  const procurement = useModuleOn('procurement');
  const [kind, setKind] = useState<Container['kind']>('project');
  const [title, setTitle] = useState(opportunity.title);
  const [ownerUserId, setOwnerUserId] = useState<number | null>(opportunity.ownerUserId);
  const error = useUntilEdited(win.error, [mode, containerId, kind, title]);
  const ready = mode === 'existing' ? containerId !== null : title.trim() !== '';
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const target = mode === 'existing' ? { containerId: containerId! } : { kind, title, ownerUserId };
    win.mutate(
      { id: opportunity.id, target },
      {
        onSuccess: (won) => {
          if (won.documentType === 'salesOrder') notify.success('sales:winForm.won', { number: opportunity.number, order: won.number });
          else notify.success('sales:winForm.wonCharges', { number: opportunity.number, container: won.number });
          onWon(won.documentType === 'salesOrder' ? `/sales/orders/${won.id}` : `/sales/containers/${won.id}`);
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('winForm.title', { number: opportunity.number })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{procurement ? t('winForm.intro', { count: opportunity.items.length, reserved: opportunity.reserved }) : t('winForm.introCharges', { count: opportunity.items.length })}</Text>
          <Input.Wrapper label={t('winForm.where')}>
            <SegmentedControl
              mt={4}
              data-testid="win-mode"
              data={[
                { value: 'new', label: t('winForm.newContainer') },
                { value: 'existing', label: t('winForm.existingContainer'), disabled: existing.length === 0 },
              ]}
              value={mode}
              onChange={(v) => setMode(v as 'new' | 'existing')}
            />
          </Input.Wrapper>
          {mode === 'existing' ? (
            <Select
              label={t('winForm.container')}
              withAsterisk
              data={existing.map((c) => ({ value: String(c.id), label: `${c.number} · ${c.title}` }))}
              value={containerId === null ? null : String(containerId)}
              onChange={(v) => setContainerId(v ? Number(v) : null)}
              data-autofocus
            />
          ) : (
            <>
              <SegmentedControl
                data-testid="win-kind"
                data={containerKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                value={kind}
                onChange={(v) => setKind(v as Container['kind'])}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('winForm.containerTitle')} withAsterisk value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
                <UserSelect label={kind === 'ticket' ? t('containerForm.technician') : t('containerForm.owner')} value={ownerUserId} onChange={setOwnerUserId} clearable />
              </SimpleGrid>
            </>
          )}
          {error ? <Alert color="red">{translateError(error)}</Alert> : null}
          <FormFooter onCancel={onClose} submitLabel={t('winForm.submit')} loading={win.isPending} disabled={!ready} />
        </Stack>
      </form>
    </Modal>
  );
}
