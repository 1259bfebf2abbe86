// The sales feature's calls: containers, charges, picks, deliveries and devices. Reads are keyed under
// ['sales']; writes refetch what their channel changes (stock and sales), as every mutation does.
import type { ChannelInput } from '@shared/contract';
import { firstPageOf, type TableStart } from '@renderer/lib/list/firstPage';
import { screenQueries, useApiMutation, useApiQuery } from '@renderer/lib/query';

const sales = ['sales'];
const paged = { keepPrevious: true };
/** Forms map these errors onto their own fields, so the shell's toast stays quiet. */
const quiet = { silentError: true } as const;

export const CONTAINERS_TABLE = { sortBy: 'createdAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const OPEN_DELIVERY_TABLE = { sortBy: 'chargeNumber' } as const satisfies TableStart<string>;
export const DELIVERIES_TABLE = { sortBy: 'createdAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const DEVICES_TABLE = { sortBy: 'installedAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const RETURNS_TABLE = { sortBy: 'createdAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const RMAS_TABLE = { sortBy: 'createdAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const OPPORTUNITIES_TABLE = { sortBy: 'number', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const SALES_ORDERS_TABLE = { sortBy: 'number', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const startContainersScreen = screenQueries(sales, 'sales.listContainers', firstPageOf(CONTAINERS_TABLE));
export const startDeliveryScreen = screenQueries(sales, 'delivery.listOpen', firstPageOf(OPEN_DELIVERY_TABLE));
export const startDevicesScreen = screenQueries(sales, 'devices.list', firstPageOf(DEVICES_TABLE));
export const startReturnsScreen = screenQueries(sales, 'returns.list', firstPageOf(RETURNS_TABLE));
export const startRmasScreen = screenQueries(sales, 'rma.list', firstPageOf(RMAS_TABLE));
export const startOpportunitiesScreen = screenQueries(sales, 'sales.listOpportunities', firstPageOf(OPPORTUNITIES_TABLE));
export const startSalesOrdersScreen = screenQueries(sales, 'sales.listSalesOrders', firstPageOf(SALES_ORDERS_TABLE));
export const FULFILLMENT_TABLE = { sortBy: 'chargeNumber' } as const satisfies TableStart<string>;
export const startFulfillmentScreen = screenQueries(sales, 'purchasing.listFulfillment', firstPageOf(FULFILLMENT_TABLE));

export const useContainers = (input: ChannelInput<'sales.listContainers'>) => useApiQuery(sales, 'sales.listContainers', input, paged);
export const useContainer = (id: number) => useApiQuery(sales, 'sales.getContainer', { id }, { enabled: id > 0 });
export const useCharges = (input: ChannelInput<'sales.listCharges'>) => useApiQuery(sales, 'sales.listCharges', input, paged);
export const useCharge = (id: number) => useApiQuery(sales, 'sales.getCharge', { id }, { enabled: id > 0 });
export const useOpenDeliveryLines = (input: ChannelInput<'delivery.listOpen'>) => useApiQuery(sales, 'delivery.listOpen', input, paged);
export const useDeliveries = (input: ChannelInput<'delivery.list'>) => useApiQuery(sales, 'delivery.list', input, paged);
export const useDelivery = (id: number) => useApiQuery(sales, 'delivery.get', { id }, { enabled: id > 0 });
export const useDevices = (input: ChannelInput<'devices.list'>) => useApiQuery(sales, 'devices.list', input, paged);
export const useDevice = (id: number) => useApiQuery(sales, 'devices.get', { id }, { enabled: id > 0 });
export const useClientReturns = (input: ChannelInput<'returns.list'>) => useApiQuery(sales, 'returns.list', input, paged);
export const useClientReturn = (id: number) => useApiQuery(sales, 'returns.get', { id }, { enabled: id > 0 });
export const useCreateReturn = () => useApiMutation('returns.create', quiet);
export const useRmas = (input: ChannelInput<'rma.list'>) => useApiQuery(sales, 'rma.list', input, paged);
export const useRma = (id: number) => useApiQuery(sales, 'rma.get', { id }, { enabled: id > 0 });
export const useCreateRma = () => useApiMutation('rma.create', quiet);
export const useUpdateRma = () => useApiMutation('rma.update', quiet);
export const useOpportunities = (input: ChannelInput<'sales.listOpportunities'>) => useApiQuery(sales, 'sales.listOpportunities', input, paged);
export const useOpportunity = (id: number) => useApiQuery(sales, 'sales.getOpportunity', { id }, { enabled: id > 0 });
export const useSalesOrders = (input: ChannelInput<'sales.listSalesOrders'>) => useApiQuery(sales, 'sales.listSalesOrders', input, paged);
export const useFulfillment = (input: ChannelInput<'purchasing.listFulfillment'>) => useApiQuery(sales, 'purchasing.listFulfillment', input, paged);
/** A vendor's New purchase orders, which lines for charges may join. */
export const useNewOrdersOf = (vendorId: number | null) =>
  useApiQuery(['purchasing'], 'purchasing.listOrders', { vendorId: vendorId ?? 0, statuses: ['new'], pageSize: 50, sortBy: 'createdAt', sortDirection: 'desc' }, { enabled: vendorId !== null });
export const useOrderForCharges = () => useApiMutation('purchasing.orderForCharges', quiet);
export const useSalesOrder = (id: number) => useApiQuery(sales, 'sales.getSalesOrder', { id }, { enabled: id > 0 });

export const useCreateContainer = () => useApiMutation('sales.createContainer', quiet);
export const useUpdateContainer = () => useApiMutation('sales.updateContainer', quiet);
export const useSetContainerStatus = () => useApiMutation('sales.setContainerStatus');
export const useCreateCharge = () => useApiMutation('sales.createCharge', quiet);
export const useUpdateCharge = () => useApiMutation('sales.updateCharge', quiet);
export const useHoldCharge = () => useApiMutation('sales.holdCharge', quiet);
export const useReleaseCharge = () => useApiMutation('sales.releaseCharge');
export const useCancelCharge = () => useApiMutation('sales.cancelCharge', quiet);
export const usePick = () => useApiMutation('stock.pick', quiet);
export const useUnpick = () => useApiMutation('stock.unpick');
export const useTransferPicked = () => useApiMutation('stock.transferPicked', quiet);
export const useCreateOpportunity = () => useApiMutation('sales.createOpportunity', quiet);
export const useUpdateOpportunity = () => useApiMutation('sales.updateOpportunity', quiet);
export const useLoseOpportunity = () => useApiMutation('sales.loseOpportunity', quiet);
export const useAddQuoteItem = () => useApiMutation('sales.addQuoteItem', quiet);
export const useUpdateQuoteItem = () => useApiMutation('sales.updateQuoteItem', quiet);
export const useRemoveQuoteItem = () => useApiMutation('sales.removeQuoteItem', quiet);
export const useReserve = () => useApiMutation('stock.reserve', quiet);
export const useRelease = () => useApiMutation('stock.release');
export const useWinOpportunity = () => useApiMutation('sales.winOpportunity', quiet);
export const useCancelSalesOrder = () => useApiMutation('sales.cancelSalesOrder', quiet);
export const useQuotePdf = () => useApiMutation('sales.quotePdf', { invalidate: [] });
export const useDeliver = () => useApiMutation('delivery.deliver', quiet);
export const useSendToClient = () => useApiMutation('delivery.sendToClient', quiet);
export const useReverseDelivery = () => useApiMutation('delivery.reverse', quiet);
export const usePickListPdf = () => useApiMutation('delivery.pickListPdf', { invalidate: [] });
export const usePackingListPdf = () => useApiMutation('delivery.packingListPdf', { invalidate: [] });
