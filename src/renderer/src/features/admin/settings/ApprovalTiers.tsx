// Approval tiers: named limits up to which their holders approve charges and purchase orders
// ("Approver, up to 5,000 €", "Manager, up to 20,000 €"). Each user is given one on their user form; a
// request above every limit is approved by an administrator. Each tier is saved on its own.
import { ActionIcon, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { ApprovalLimit } from '@shared/contract/purchasing';
import { Money, Qty } from '@renderer/lib/Amount';
import { ConfirmModal } from '@renderer/lib/ConfirmModal';
import { FormFooter } from '@renderer/lib/FormFooter';
import { MoneyInput } from '@renderer/lib/MoneyInput';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useApprovalLimits } from '@renderer/lib/lookups';
import { useDeleteApprovalLimit, useSaveApprovalLimit } from '../api';

export function ApprovalTiers() {
  const { t } = useTranslation('admin');
  const limits = useApprovalLimits();
  const remove = useDeleteApprovalLimit();
  const [editing, setEditing] = useState<ApprovalLimit | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ApprovalLimit | null>(null);
  const rows = limits.data ?? [];
  return (
    <Paper withBorder p="lg" radius="sm" component="section" aria-labelledby="approval-tiers-title" data-testid="approval-tiers">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id="approval-tiers-title">
              {t('tiers.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('tiers.description')}
            </Text>
          </Stack>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} style={{ flexShrink: 0 }}>
            {t('tiers.add')}
          </Button>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="tiers-empty">
            {t('tiers.empty')}
          </Text>
        ) : (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tiers.name')}</Table.Th>
                <Table.Th ta="right">{t('tiers.upTo')}</Table.Th>
                <Table.Th ta="right">{t('tiers.users')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td fw={600}>{l.name}</Table.Td>
                  <Table.Td ta="right">{l.upTo === null ? <Text size="sm">{t('tiers.noLimit')}</Text> : <Money value={l.upTo} />}</Table.Td>
                  <Table.Td ta="right">
                    <Qty value={l.userCount} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t('tiers.editNamed', { name: l.name })} onClick={() => setEditing(l)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t('tiers.deleteNamed', { name: l.name })} onClick={() => setDeleting(l)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {editing && <TierModal tier={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmModal
          title={t('tiers.deleteTitle', { name: deleting.name })}
          text={t('tiers.deleteText')}
          confirmLabel={t('tiers.delete')}
          color="red"
          loading={remove.isPending}
          error={remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() => remove.mutate({ id: deleting.id }, { onSuccess: () => setDeleting(null) })}
        />
      )}
    </Paper>
  );
}

function TierModal({ tier, onClose }: { tier: ApprovalLimit | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const save = useSaveApprovalLimit();
  const form = useZodForm(contract['purchasing.saveApprovalLimit'].input, { name: tier?.name ?? '', upTo: tier?.upTo ?? null }, { toInput: (v) => (tier ? { ...v, id: tier.id } : v) });
  return (
    <Modal opened onClose={onClose} title={tier ? t('tiers.editTitle', { name: tier.name }) : t('tiers.newTitle')}>
      <form noValidate onSubmit={form.onSubmit((input) => save.mutate(input, { onSuccess: onClose, onError: (err) => form.applyApiError(err) || notify.error(err) }))}>
        <Stack>
          <TextInput label={t('tiers.name')} description={t('tiers.nameHint')} withAsterisk data-autofocus maxLength={100} {...form.getInputProps('name')} />
          <MoneyInput
            label={t('tiers.upTo')}
            description={t('tiers.upToHint')}
            placeholder={t('tiers.noLimit')}
            styles={{ wrapper: { maxWidth: 260 }, input: { textAlign: 'right' } }}
            {...form.getInputProps('upTo')}
          />
          <FormFooter onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
