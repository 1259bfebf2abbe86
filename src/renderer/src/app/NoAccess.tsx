import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Module } from '@shared/contract/modules';
import { EmptyState } from '../lib/EmptyState';

/** A screen the user may not open: they lack its permission, or its module is switched off (`moduleOff`). */
export function NoAccess({ home, moduleOff }: { home: string; moduleOff?: Module }) {
  const { t } = useTranslation('common');
  return (
    <EmptyState
      icon={IconLock}
      title={moduleOff ? t('noAccess.moduleOffTitle', { module: t(`modules.${moduleOff}`) }) : t('noAccess.title')}
      description={moduleOff ? t('noAccess.moduleOffDescription') : t('noAccess.description')}
      testId={moduleOff ? 'module-off' : 'no-access'}
      action={
        <Button component={Link} to={home}>
          {t('noAccess.home')}
        </Button>
      }
    />
  );
}
