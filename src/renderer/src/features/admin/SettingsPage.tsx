// Office settings, one card per subject, each saved on its own: general rules (currency, stock
// changes), the letterhead printed on documents, purchasing (numbering, approvals, receiving) and
// the SMTP server that e-mails purchase orders, and backups.
import { Alert, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { translateError } from '@renderer/lib/errors';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useSettings } from '@renderer/lib/useFormat';
import { useModuleOn } from '@renderer/lib/activations';
import { ApprovalTiers } from './settings/ApprovalTiers';
import { BackupSettings } from './settings/BackupSettings';
import { GeneralSettings } from './settings/GeneralSettings';
import { LetterheadSettings } from './settings/LetterheadSettings';
import { PurchasingSettings } from './settings/PurchasingSettings';
import { RmaSettings } from './settings/RmaSettings';
import { SmtpSettings } from './settings/SmtpSettings';

export function SettingsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const settings = useSettings();
  const procurement = useModuleOn('procurement');
  const rma = useModuleOn('rma');
  let body;
  if (settings.isError) body = <Alert color="red">{translateError(settings.error)}</Alert>;
  else if (!settings.data)
    body = (
      <Center mih={200}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  else
    body = (
      <Stack gap="lg" maw={880}>
        <GeneralSettings settings={settings.data} />
        <LetterheadSettings settings={settings.data} />
        <PurchasingSettings settings={settings.data} />
        {procurement && <ApprovalTiers />}
        {rma && <RmaSettings settings={settings.data} />}
        <SmtpSettings defaultTestTo={settings.data.companyEmail} />
        <BackupSettings settings={settings.data} />
      </Stack>
    );
  return (
    <Stack gap="md">
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {body}
    </Stack>
  );
}
