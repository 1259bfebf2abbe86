// Create or edit an internal location. A van must have an owner (the technician who drives it).
import { Checkbox, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { internalLocationKinds, type Location } from '@shared/contract/locations';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useInternalLocations, useUsers } from '@renderer/lib/lookups';
import { useCreateLocation, useUpdateLocation } from './api';
import { FormFooter } from '@renderer/lib/FormFooter';
import { LocationSelect } from '@renderer/lib/pickers/LocationSelect';

type Kind = (typeof internalLocationKinds)[number];

const createSchema = contract['locations.create'].input.superRefine((v, ctx) => {
  if (v.kind === 'van' && v.ownerUserId === null) ctx.addIssue({ code: 'custom', path: ['ownerUserId'], params: { messageKey: 'locations:form.ownerRequired' } });
});
const updateSchema = contract['locations.update'].input.superRefine((v, ctx) => {
  if (v.kind === 'van' && v.ownerUserId === null) ctx.addIssue({ code: 'custom', path: ['ownerUserId'], params: { messageKey: 'locations:form.ownerRequired' } });
});

interface Values extends Record<string, unknown> {
  name: string;
  kind: Kind;
  ownerUserId: number | null;
  address: string;
  notes: string;
  isDefault: boolean;
  offersStock: boolean;
  refillFromId: number | null;
}

function initialValues(location: Location | null): Values {
  return {
    name: location?.name ?? '',
    kind: (location?.kind as Kind | undefined) ?? 'warehouse',
    ownerUserId: location?.ownerUserId ?? null,
    address: location?.address ?? '',
    notes: location?.notes ?? '',
    isDefault: false,
    offersStock: location?.offersStock ?? true,
    refillFromId: location?.refillFromId ?? null,
  };
}

export function LocationFormModal({ location, onClose }: { location: Location | null; onClose: () => void }) {
  const { t } = useTranslation(['locations', 'common']);
  const users = useUsers();
  const create = useCreateLocation();
  const update = useUpdateLocation();
  const editing = location !== null;
  const form = useZodForm(editing ? updateSchema : createSchema, initialValues(location), {
    toInput: ({ isDefault, ...v }) => (editing ? { ...v, id: location.id } : { ...v, isDefault: isDefault && v.ownerUserId === null }),
  });
  const onError = (err: unknown) => form.applyApiError(err) || notify.error(err);
  const refillChoices = useRefillExclusions(location);
  const userOptions = (users.data ?? []).filter((u) => u.active || u.id === location?.ownerUserId).map((u) => ({ value: u.id, label: u.displayName }));

  return (
    <Modal opened onClose={onClose} title={editing ? t('form.editTitle', { name: location.name }) : t('form.createTitle')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((input) => {
          const done = { onSuccess: onClose, onError };
          if ('id' in input) update.mutate(input, done);
          else create.mutate(input, done);
        })}
      >
        <Stack>
          <TextInput label={t('fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <Select<Kind>
              label={t('fields.kind')}
              withAsterisk
              allowDeselect={false}
              data={internalLocationKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              {...form.getInputProps('kind')}
              onChange={(kind) => {
                form.setFieldValue('kind', kind as Kind);
                // A new returns shelf holds what came back without offering it; other kinds offer their units.
                if (!editing) form.setFieldValue('offersStock', kind !== 'returns');
              }}
            />
            <Select<number>
              label={t('fields.owner')}
              description={form.values.kind === 'van' ? t('form.ownerVanHint') : t('form.ownerHint')}
              withAsterisk={form.values.kind === 'van'}
              clearable
              searchable
              nothingFoundMessage={t('form.noUsers')}
              data={userOptions}
              {...form.getInputProps('ownerUserId')}
            />
          </Group>
          <LocationSelect
            label={t('fields.refillFrom')}
            description={t('form.refillFromHint')}
            placeholder={t('form.refillFromNone')}
            clearable
            exclude={refillChoices.filter((id) => id !== location?.refillFromId)}
            value={form.values.refillFromId}
            onChange={(id) => form.setFieldValue('refillFromId', id)}
            error={form.errors.refillFromId}
          />
          <Textarea label={t('fields.address')} autosize minRows={2} maxRows={5} {...form.getInputProps('address')} />
          <Textarea label={t('fields.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
          <Checkbox label={t('form.offersStock')} description={t('form.offersStockHint')} {...form.getInputProps('offersStock', { type: 'checkbox' })} />
          {!editing && (
            <Checkbox
              label={t('form.makeDefault')}
              description={t('form.makeDefaultHint')}
              disabled={form.values.ownerUserId !== null}
              {...form.getInputProps('isDefault', { type: 'checkbox' })}
            />
          )}
          <FormFooter onCancel={onClose} submitLabel={editing ? t('common:actions.saveChanges') : t('form.create')} loading={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The locations that cannot refill this one, left out of its choices: itself, a location that does not offer
 * its stock, and one refilled from this location (directly or in turn), which would make a circle.
 */
function useRefillExclusions(location: Location | null): number[] {
  const all = useInternalLocations().data ?? [];
  const byId = new Map(all.map((l) => [l.id, l]));
  const loops = (id: number) => {
    const seen = new Set<number>();
    for (let at: number | null = id; at !== null && !seen.has(at); at = byId.get(at)?.refillFromId ?? null) {
      if (at === location?.id) return true;
      seen.add(at);
    }
    return false;
  };
  return all.filter((l) => !l.offersStock || (location !== null && loops(l.id))).map((l) => l.id);
}
