// The purchasing namespace, assembled from one file per part of the feature (orders, receiving).
import { ordersEn, ordersEs } from './orders';
import { receivingEn, receivingEs } from './receiving';

export const en = {
  nav: { orders: 'Purchase orders', suggestions: 'Reorder suggestions', approvals: 'Purchase approvals', receiving: 'Receiving' },
  ...ordersEn,
  ...receivingEn,
};

export const es: typeof en = {
  nav: { orders: 'Órdenes de compra', suggestions: 'Sugerencias de reposición', approvals: 'Aprobación de compras', receiving: 'Recepción' },
  ...ordersEs,
  ...receivingEs,
};
