// A document screen (/…/:id) before its document is there: the id from the address, a loader while it
// loads, and "not found" (with the translated reason) under the link back to its list.
import { Alert, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { translateError } from './errors';

/** The document id of the address, or 0 when it is not one. */
export function useRouteId(): number {
  const raw = Number(useParams().id);
  return Number.isInteger(raw) && raw > 0 ? raw : 0;
}

/**
 * What to show instead of the document while it cannot be shown: null once it has loaded. `back` is the
 * link to its list, `notFound` the alert's title.
 */
export function documentState(id: number, query: { data?: unknown; isError: boolean; error: unknown }, back: ReactNode, notFound: string): ReactNode | null {
  if (id === 0 || query.isError) {
    return (
      <Stack gap="xs">
        {back}
        <Alert color="red" title={notFound}>
          {query.isError ? translateError(query.error) : null}
        </Alert>
      </Stack>
    );
  }
  if (query.data === undefined) return <DocumentLoader />;
  return null;
}

function DocumentLoader() {
  const { t } = useTranslation('common');
  return (
    <Center mih={200}>
      <Loader aria-label={t('loading')} />
    </Center>
  );
}
