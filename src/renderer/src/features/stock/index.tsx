import { IconArrowsExchange, IconBarcode, IconClipboardList, IconHistory, IconPackages, IconReportMoney } from '@tabler/icons-react';
import type { FeatureRoute } from '@renderer/lib/feature';
import { CountPage } from './counts/CountPage';
import { CountsPage } from './counts/CountsPage';
import { HistoryPage } from './history/HistoryPage';
import { ItemsPage } from './items/ItemsPage';
import { LotsPage } from './lots/LotsPage';
import { NewTransferPage } from './transfers/NewTransferPage';
import { TransfersPage } from './transfers/TransfersPage';
import { ValuePage } from './value/ValuePage';

/** The stock screens; each route's permission is the one of the channel the screen cannot work without. */
export const stockRoutes: FeatureRoute[] = [
  { path: '/stock/items', element: <ItemsPage />, navLabelKey: 'stock:nav.items', navIcon: IconPackages, navGroup: 'inventory', permission: 'inventory.view' },
  { path: '/stock/lots', element: <LotsPage />, navLabelKey: 'stock:nav.lots', navIcon: IconBarcode, navGroup: 'inventory', permission: 'inventory.view' },
  { path: '/stock/transfers', element: <TransfersPage />, navLabelKey: 'stock:nav.transfers', navIcon: IconArrowsExchange, navGroup: 'inventory', permission: 'inventory.view' },
  { path: '/stock/transfers/new', element: <NewTransferPage />, permission: 'stock.transfer' },
  { path: '/stock/counts', element: <CountsPage />, navLabelKey: 'stock:nav.counts', navIcon: IconClipboardList, navGroup: 'inventory', permission: 'inventory.view' },
  { path: '/stock/counts/:id', element: <CountPage />, permission: 'inventory.view' },
  { path: '/stock/history', element: <HistoryPage />, navLabelKey: 'stock:nav.history', navIcon: IconHistory, navGroup: 'inventory', permission: 'inventory.view' },
  { path: '/stock/value', element: <ValuePage />, navLabelKey: 'stock:nav.value', navIcon: IconReportMoney, navGroup: 'inventory', permission: 'costs.view' },
];
