// The purchasing feature's calls. Reads are keyed under ['purchasing']; writes refetch every query (the
// shell's default), because a receipt changes stock screens and an order changes on-order quantities.
import type { ChannelInput } from '@shared/contract';
import { screenQueries, useApiMutation, useApiQuery } from '@renderer/lib/query';
import { firstPageOf, type TableStart } from '@renderer/lib/list/firstPage';
import { startInternalLocations } from '@renderer/lib/lookups';

const purchasing = ['purchasing'];
const paged = { keepPrevious: true };
/** Forms map these errors onto their own fields, so the shell's toast stays quiet. */
const quiet = { silentError: true } as const;

export const useOrders = (input: ChannelInput<'purchasing.listOrders'>) => useApiQuery(purchasing, 'purchasing.listOrders', input, paged);
export const useOrder = (id: number) => useApiQuery(purchasing, 'purchasing.getOrder', { id }, { enabled: id > 0 });
export const useOrderHistory = (id: number) => useApiQuery(purchasing, 'purchasing.history', { id }, { enabled: id > 0 });
export const useReceipts = (input: ChannelInput<'purchasing.listReceipts'>) => useApiQuery(purchasing, 'purchasing.listReceipts', input, paged);
export const useApprovals = (input: ChannelInput<'purchasing.listApprovals'>) => useApiQuery(purchasing, 'purchasing.listApprovals', input, paged);
export const useSuggestions = (input: ChannelInput<'purchasing.reorderSuggestions'>) => useApiQuery(purchasing, 'purchasing.reorderSuggestions', input, paged);
// How the orders and Receiving lists start, and their screens' first queries (FeatureRoute.prefetch).
export const ORDERS_TABLE = { sortBy: 'createdAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const OPEN_LINES_TABLE = { sortBy: 'orderNumber', pageSize: 25 } as const satisfies TableStart<string>;
export const startOrdersScreen = screenQueries(purchasing, 'purchasing.listOrders', firstPageOf(ORDERS_TABLE));
export const startReceivingScreen = screenQueries(purchasing, 'purchasing.listOpenLines', firstPageOf(OPEN_LINES_TABLE), startInternalLocations);
export const useOpenLines = (input: ChannelInput<'purchasing.listOpenLines'>) => useApiQuery(purchasing, 'purchasing.listOpenLines', input, paged);

export const useProductVendors = (productId: number | null) =>
  useApiQuery(['catalog'], 'catalog.listProductVendors', { productId: productId ?? 0 }, { enabled: productId !== null && productId > 0 });

export const useCreateOrder = () => useApiMutation('purchasing.createOrder', quiet);
export const useUpdateOrder = () => useApiMutation('purchasing.updateOrder', quiet);
export const useAddLine = () => useApiMutation('purchasing.addLine', quiet);
export const useUpdateLine = () => useApiMutation('purchasing.updateLine', quiet);
export const useRemoveLine = () => useApiMutation('purchasing.removeLine');
export const useRequestApproval = () => useApiMutation('purchasing.requestApproval');
export const useApprove = () => useApiMutation('purchasing.approve', quiet);
export const useReject = () => useApiMutation('purchasing.reject', quiet);
export const useSubmitOrder = () => useApiMutation('purchasing.submit');
export const useCancelOrder = () => useApiMutation('purchasing.cancelOrder', quiet);
export const useReduceLine = () => useApiMutation('purchasing.reduceLine', quiet);
export const useRenderPdf = () => useApiMutation('purchasing.renderPdf', { invalidate: [] });
export const useEmailOrder = () => useApiMutation('purchasing.emailOrder', quiet);
export const useCreateFromSuggestions = () => useApiMutation('purchasing.createFromSuggestions');
export const useReceive = () => useApiMutation('purchasing.receive', quiet);
export const useCancelReceipt = () => useApiMutation('purchasing.cancelReceipt', quiet);

// Look-ups of the purchase-order screens (vendor and client pickers, receiving locations). The product
// and location pickers are the stock screens' (lib/pickers), which bring their own look-ups.
export const useCompanySearch = (role: 'vendor' | 'client', q: string) =>
  useApiQuery(['catalog'], 'catalog.listCompanies', { role, q: q || undefined, pageSize: 30, sortBy: 'name' }, paged);
/** Where received units can go: the active internal locations (same query as the stock screens, so it is cached once). */
// Charges waiting for approval (their extended cost reached the threshold), oldest first, on the approvals page.
export const useChargesWaiting = () => useApiQuery(['sales'], 'sales.listChargeApprovals', { pageSize: 100 });
export const useApproveCharge = () => useApiMutation('sales.approveCharge', quiet);
export const useRejectCharge = () => useApiMutation('sales.rejectCharge', quiet);

// Vendor returns (VRT-n): units sent back to vendors and their answers.
export const VENDOR_RETURNS_TABLE = { sortBy: 'createdAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const startVendorReturnsScreen = screenQueries(purchasing, 'vendorReturns.list', firstPageOf(VENDOR_RETURNS_TABLE));
export const useVendorReturns = (input: ChannelInput<'vendorReturns.list'>) => useApiQuery(purchasing, 'vendorReturns.list', input, paged);
export const useVendorReturn = (id: number) => useApiQuery(purchasing, 'vendorReturns.get', { id }, { enabled: id > 0 });
export const useCreateVendorReturn = () => useApiMutation('vendorReturns.create', quiet);
export const useUpdateVendorReturn = () => useApiMutation('vendorReturns.update', quiet);
export const useResolveVendorReturn = () => useApiMutation('vendorReturns.resolve', quiet);
