import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../lib/EmptyState';

export function NoAccess({ home }: { home: string }) {
  const { t } = useTranslation('common');
  return (
    <EmptyState
      icon={IconLock}
      title={t('noAccess.title')}
      description={t('noAccess.description')}
      testId="no-access"
      action={
        <Button component={Link} to={home}>
          {t('noAccess.home')}
        </Button>
      }
    />
  );
}
