// Add a category or rename one; names are unique.
import { Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useSaveCategory } from './api';
import { FormFooter } from '@renderer/lib/FormFooter';

export function CategoryModal({ category, onClose }: { category: { id: number; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation('catalog');
  const save = useSaveCategory();
  const form = useZodForm(contract['catalog.saveCategory'].input, { name: category?.name ?? '' }, { toInput: (v) => (category ? { ...v, id: category.id } : v) });
  return (
    <Modal opened onClose={onClose} title={category ? t('categories.renameTitle', { name: category.name }) : t('categories.addTitle')}>
      <form noValidate onSubmit={form.onSubmit((input) => save.mutate(input, { onSuccess: onClose, onError: (err) => form.applyApiError(err) || notify.error(err) }))}>
        <Stack>
          <TextInput label={t('fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <FormFooter onCancel={onClose} submitLabel={category ? t('categories.rename') : t('categories.add')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
