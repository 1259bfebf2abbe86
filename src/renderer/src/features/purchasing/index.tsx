import { IconChecklist, IconFileInvoice, IconTruckDelivery, IconTrendingDown } from '@tabler/icons-react';
import type { FeatureRoute } from '@renderer/lib/feature';
import { ApprovalsPage } from './orders/ApprovalsPage';
import { NewPurchaseOrderPage } from './orders/NewPurchaseOrderPage';
import { PurchaseOrderPage } from './orders/PurchaseOrderPage';
import { PurchaseOrdersPage } from './orders/PurchaseOrdersPage';
import { ReorderSuggestionsPage } from './orders/ReorderSuggestionsPage';
import { ReceivingPage } from './receiving/ReceivingPage';

/** The purchasing screens; each route's permission is the one of the channel the screen cannot work without. */
export const purchasingRoutes: FeatureRoute[] = [
  { path: '/purchasing/orders', element: <PurchaseOrdersPage />, navLabelKey: 'purchasing:nav.orders', navIcon: IconFileInvoice, navGroup: 'purchasing', permission: 'inventory.view' },
  { path: '/purchasing/orders/new', element: <NewPurchaseOrderPage />, permission: 'purchasing.manage' },
  { path: '/purchasing/orders/:id', element: <PurchaseOrderPage />, permission: 'inventory.view' },
  { path: '/purchasing/suggestions', element: <ReorderSuggestionsPage />, navLabelKey: 'purchasing:nav.suggestions', navIcon: IconTrendingDown, navGroup: 'purchasing', permission: 'purchasing.manage' },
  { path: '/purchasing/approvals', element: <ApprovalsPage />, navLabelKey: 'purchasing:nav.approvals', navIcon: IconChecklist, navGroup: 'purchasing', permission: 'purchasing.approve' },
  { path: '/purchasing/receiving', element: <ReceivingPage />, navLabelKey: 'purchasing:nav.receiving', navIcon: IconTruckDelivery, navGroup: 'purchasing', permission: 'purchasing.receive' },
];
