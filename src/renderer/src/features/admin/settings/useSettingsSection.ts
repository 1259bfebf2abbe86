// The form of one settings section: only its own fields go to `settings.update` (which takes any
// subset), and after a save the saved values become the ones "Discard changes" returns to.
import { contract } from '@shared/contract';
import type { Settings } from '@shared/contract/settings';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useUpdateSettings } from '../api';

function pick<K extends keyof Settings>(settings: Settings, keys: readonly K[]): Pick<Settings, K> {
  return Object.fromEntries(keys.map((k) => [k, settings[k]])) as Pick<Settings, K>;
}

export function useSettingsSection<K extends keyof Settings>(settings: Settings, keys: readonly K[]) {
  const update = useUpdateSettings();
  const form = useZodForm(contract['settings.update'].input, pick(settings, keys));
  const submit = form.onSubmit((input) =>
    update.mutate(input, {
      onSuccess: (saved) => {
        const values = pick(saved, keys);
        form.setInitialValues(values);
        form.setValues(values);
        form.resetDirty(values);
      },
      onError: (err) => form.applyApiError(err) || notify.error(err),
    }),
  );
  return { form, submit, saving: update.isPending, dirty: form.isDirty(), discard: () => form.reset() };
}
