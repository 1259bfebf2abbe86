import { IconArrowBackUp, IconBriefcase, IconTool, IconBulb, IconClipboardList, IconDevices, IconShoppingCartCog, IconTruck } from '@tabler/icons-react';
import { lazyPage, type FeatureRoute } from '@renderer/lib/feature';
import { startContainersScreen, startDeliveryScreen, startDevicesScreen, startFulfillmentScreen, startOpportunitiesScreen, startReturnsScreen, startRmasScreen, startSalesOrdersScreen } from './api';

/** Each screen's code is a chunk of its own, loaded when the screen is first opened (lib/feature.ts). */
const pages = {
  OpportunitiesPage: lazyPage(() => import('./opportunities/OpportunitiesPage'), 'OpportunitiesPage'),
  OpportunityPage: lazyPage(() => import('./opportunities/OpportunityPage'), 'OpportunityPage'),
  SalesOrdersPage: lazyPage(() => import('./orders/SalesOrdersPage'), 'SalesOrdersPage'),
  SalesOrderPage: lazyPage(() => import('./orders/SalesOrderPage'), 'SalesOrderPage'),
  ContainersPage: lazyPage(() => import('./containers/ContainersPage'), 'ContainersPage'),
  ContainerPage: lazyPage(() => import('./containers/ContainerPage'), 'ContainerPage'),
  ChargePage: lazyPage(() => import('./charges/ChargePage'), 'ChargePage'),
  DeliveryShippingPage: lazyPage(() => import('./delivery/DeliveryShippingPage'), 'DeliveryShippingPage'),
  SendToClientPage: lazyPage(() => import('./delivery/SendToClientPage'), 'SendToClientPage'),
  DeliveryPage: lazyPage(() => import('./delivery/DeliveryPage'), 'DeliveryPage'),
  DevicesPage: lazyPage(() => import('./devices/DevicesPage'), 'DevicesPage'),
  DevicePage: lazyPage(() => import('./devices/DevicePage'), 'DevicePage'),
  SwapPage: lazyPage(() => import('./devices/SwapPage'), 'SwapPage'),
  ClientPage: lazyPage(() => import('./clients/ClientPage'), 'ClientPage'),
  ReturnsPage: lazyPage(() => import('./returns/ReturnsPage'), 'ReturnsPage'),
  ReturnPage: lazyPage(() => import('./returns/ReturnPage'), 'ReturnPage'),
  NewReturnPage: lazyPage(() => import('./returns/NewReturnPage'), 'NewReturnPage'),
  RmasPage: lazyPage(() => import('./rma/RmasPage'), 'RmasPage'),
  RmaPage: lazyPage(() => import('./rma/RmaPage'), 'RmaPage'),
  FulfillmentPage: lazyPage(() => import('./fulfillment/FulfillmentPage'), 'FulfillmentPage'),
};

/** The sales screens; each route's permission is the one of the channel the screen cannot work without. */
export const salesRoutes: FeatureRoute[] = [
  // The Procurement queue between approvals and Receiving: charges still needing units, bought or picked here.
  { path: '/purchasing/fulfillment', page: pages.FulfillmentPage, navLabelKey: 'sales:nav.fulfillment', navIcon: IconShoppingCartCog, navGroup: 'purchasing', permission: 'purchasing.manage', module: 'procurement', prefetch: startFulfillmentScreen, queue: 'fulfillment' },
  { path: '/sales/opportunities', page: pages.OpportunitiesPage, navLabelKey: 'sales:nav.opportunities', navIcon: IconBulb, navGroup: 'sales', permission: 'inventory.view', prefetch: startOpportunitiesScreen },
  { path: '/sales/opportunities/:id', page: pages.OpportunityPage, permission: 'inventory.view' },
  { path: '/sales/orders', page: pages.SalesOrdersPage, navLabelKey: 'sales:nav.salesOrders', navIcon: IconClipboardList, navGroup: 'sales', permission: 'inventory.view', module: 'procurement', prefetch: startSalesOrdersScreen },
  { path: '/sales/orders/:id', page: pages.SalesOrderPage, permission: 'inventory.view', module: 'procurement' },
  { path: '/sales/containers', page: pages.ContainersPage, navLabelKey: 'sales:nav.containers', navIcon: IconBriefcase, navGroup: 'sales', permission: 'inventory.view', prefetch: startContainersScreen },
  { path: '/sales/containers/:id', page: pages.ContainerPage, permission: 'inventory.view' },
  { path: '/sales/charges/:id', page: pages.ChargePage, permission: 'inventory.view' },
  { path: '/sales/delivery', page: pages.DeliveryShippingPage, navLabelKey: 'sales:nav.delivery', navIcon: IconTruck, navGroup: 'sales', permission: 'inventory.view', module: 'inventory', prefetch: startDeliveryScreen, queue: 'delivery' },
  { path: '/sales/delivery/send', page: pages.SendToClientPage, permission: 'stock.deliver', module: 'inventory' },
  { path: '/sales/deliveries/:id', page: pages.DeliveryPage, permission: 'inventory.view', module: 'inventory' },
  { path: '/sales/devices', page: pages.DevicesPage, navLabelKey: 'sales:nav.devices', navIcon: IconDevices, navGroup: 'sales', permission: 'inventory.view', module: 'inventory', prefetch: startDevicesScreen },
  { path: '/sales/devices/:id', page: pages.DevicePage, permission: 'inventory.view', module: 'inventory' },
  { path: '/sales/devices/:id/swap', page: pages.SwapPage, permission: 'stock.deliver', module: 'inventory' },
  { path: '/sales/returns', page: pages.ReturnsPage, navLabelKey: 'sales:nav.returns', navIcon: IconArrowBackUp, navGroup: 'sales', permission: 'inventory.view', module: 'inventory', prefetch: startReturnsScreen },
  { path: '/sales/returns/new', page: pages.NewReturnPage, permission: 'stock.deliver', module: 'inventory' },
  { path: '/sales/returns/:id', page: pages.ReturnPage, permission: 'inventory.view', module: 'inventory' },
  { path: '/sales/rma', page: pages.RmasPage, navLabelKey: 'sales:nav.rma', navIcon: IconTool, navGroup: 'sales', permission: 'inventory.view', module: 'rma', prefetch: startRmasScreen },
  { path: '/sales/rma/:id', page: pages.RmaPage, permission: 'inventory.view', module: 'rma' },
  { path: '/sales/clients/:id', page: pages.ClientPage, permission: 'inventory.view' },
];
