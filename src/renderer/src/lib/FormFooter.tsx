import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The footer of every form dialog and form page: Cancel, then the button that submits the form (busy
 * while its call runs). Labels default to the shell's Cancel and Save. In a dialog taller than the
 * window it stays at the dialog's bottom edge while the fields scroll (app.css .app-form-footer).
 */
export function FormFooter({
  onCancel,
  submitLabel,
  cancelLabel,
  loading,
  disabled,
  color,
}: {
  onCancel: () => void;
  submitLabel?: ReactNode;
  cancelLabel?: ReactNode;
  loading?: boolean;
  disabled?: boolean;
  color?: MantineColor;
}) {
  const { t } = useTranslation('common');
  return (
    // Too narrow for both (a long Spanish label in a small dialog): the submit button goes above, at the
    // right as on one line, rather than Cancel sitting alone above it.
    <Group justify="flex-end" wrap="wrap-reverse" className="app-form-footer">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t('actions.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled} color={color}>
        {submitLabel ?? t('actions.save')}
      </Button>
    </Group>
  );
}
