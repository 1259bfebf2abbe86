// Product categories with how many active and inactive products each holds; add and rename.
import { ActionIcon, Alert, Anchor, Button, Center, Loader, Stack, Table, Tooltip } from '@mantine/core';
import { IconCategory, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Qty } from '@renderer/lib/Amount';
import { EmptyState } from '@renderer/lib/EmptyState';
import { translateError } from '@renderer/lib/errors';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useCategories } from './api';
import { CategoryModal } from './CategoryModal';

export function CategoriesPage() {
  const { t } = useTranslation(['catalog', 'common']);
  const canManage = useCan('catalog.manage');
  const categories = useCategories();
  const [editing, setEditing] = useState<{ id: number; name: string } | 'new' | null>(null);
  const addButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('categories.add')}
    </Button>
  );
  const rows = categories.data ?? [];

  let body;
  if (categories.isPending) {
    body = (
      <Center mih={200}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  } else if (categories.isError) {
    body = <Alert color="red">{translateError(categories.error)}</Alert>;
  } else if (rows.length === 0) {
    body = <EmptyState icon={IconCategory} title={t('categories.empty')} description={t('categories.emptyHint')} action={addButton} />;
  } else {
    body = (
      <Table withTableBorder striped highlightOnHover data-testid="categories-table" maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th ta="right">{t('categories.products')}</Table.Th>
            <Table.Th ta="right">{t('categories.inactive')}</Table.Th>
            {canManage && <Table.Th w={60} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td fw={500}>{c.name}</Table.Td>
              <Table.Td ta="right" data-testid="category-active-count">
                <Anchor component={Link} to={`/catalog/products?categoryId=${c.id}`} size="sm">
                  <Qty value={c.productCount} />
                </Anchor>
              </Table.Td>
              <Table.Td ta="right" data-testid="category-inactive-count">
                {c.inactiveProductCount > 0 ? (
                  <Anchor component={Link} to={`/catalog/products?categoryId=${c.id}&active=no`} size="sm" c="dimmed">
                    <Qty value={c.inactiveProductCount} />
                  </Anchor>
                ) : (
                  <Qty value={0} size="sm" c="dimmed" />
                )}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Tooltip label={t('categories.rename')}>
                    <ActionIcon variant="subtle" aria-label={t('categories.renameNamed', { name: c.name })} onClick={() => setEditing(c)}>
                      <IconEdit size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('categories.title')} description={t('categories.description')} actions={addButton} />
      {body}
      {editing !== null && <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
