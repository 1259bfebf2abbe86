// A list screen: its title and main actions, the filter bar (with the column chooser), then the
// table and whatever the screen adds (dialogs):
//   <ListPage title={…} actions={newButton} view={view} filters={<SearchFilter …/>}>
//     <ServerTable view={view} … />
//   </ListPage>
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader, type PageHeaderProps } from '../PageHeader';
import { FilterBar } from './FilterBar';
import type { ListView } from './useListView';

export function ListPage<T>({ view, filters, banner, children, ...header }: PageHeaderProps & { view: ListView<T>; filters?: ReactNode; banner?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="md">
      <PageHeader {...header} />
      {/* A notice above the list (the first-run checklist's progress). */}
      {banner}
      <FilterBar view={view} exportName={header.title}>
        {filters}
      </FilterBar>
      {children}
    </Stack>
  );
}
