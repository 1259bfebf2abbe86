// Product categories with how many active and inactive products each holds; add and rename.
import { ActionIcon, Anchor, Button, Tooltip } from '@mantine/core';
import { IconCategory, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@shared/contract';
import { AppLink } from '@renderer/lib/AppLink';
import { Qty } from '@renderer/lib/Amount';
import { ListPage, ListTable, useListView, type ListColumn } from '@renderer/lib/list';
import { useCan } from '@renderer/lib/session';
import { useCategories } from './api';
import { CategoryModal } from './CategoryModal';

type Category = ChannelOutput<'catalog.listCategories'>[number];

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
  const columns: ListColumn<Category>[] = [
    { accessor: 'name', title: t('fields.name'), alwaysShown: true, truncate: 320 },
    {
      accessor: 'productCount',
      title: t('categories.products'),
      textAlign: 'right',
      // The counts open the products of the category (its inactive ones for the second).
      render: (c) => (
        <Anchor component={AppLink} to={`/catalog/products?categoryId=${c.id}`} inherit data-testid="category-active-count">
          <Qty value={c.productCount} />
        </Anchor>
      ),
    },
    {
      accessor: 'inactiveProductCount',
      title: t('categories.inactive'),
      textAlign: 'right',
      render: (c) =>
        c.inactiveProductCount > 0 ? (
          <Anchor component={AppLink} to={`/catalog/products?categoryId=${c.id}&active=no`} inherit c="dimmed" data-testid="category-inactive-count">
            <Qty value={c.inactiveProductCount} />
          </Anchor>
        ) : (
          <Qty value={0} c="dimmed" data-testid="category-inactive-count" />
        ),
    },
    {
      accessor: 'actions',
      title: '',
      width: 60,
      hidden: !canManage,
      render: (c) => (
        <Tooltip label={t('categories.rename')}>
          <ActionIcon variant="subtle" aria-label={t('categories.renameNamed', { name: c.name })} onClick={() => setEditing(c)}>
            <IconEdit size={16} />
          </ActionIcon>
        </Tooltip>
      ),
    },
  ];
  const view = useListView({ id: 'catalog.categories', columns });

  return (
    <ListPage title={t('categories.title')} description={t('categories.description')} actions={addButton} view={view}>
      <ListTable
        testId="categories-table"
        view={view}
        query={categories}
        empty={{ icon: IconCategory, title: t('categories.empty'), description: t('categories.emptyHint'), action: addButton }}
      />
      {editing !== null && <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}
