// The stock feature's calls. Reads are keyed under ['stock'] and other features' prefixes for what
// they own; writes refetch every query (the shell's default), because one stock move changes totals
// on the catalogue, the locations and every stock screen.
import { useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '@shared/contract';
import { firstPageOf, type TableStart } from '@renderer/lib/list/firstPage';
import { startInternalLocations, startUsers } from '@renderer/lib/lookups';
import { screenQueries, useApiMutation, useApiQuery } from '@renderer/lib/query';

const stock = ['stock'];
const paged = { keepPrevious: true };

export const useInventoryProducts = (input: ChannelInput<'stock.listInventoryProducts'>, enabled = true) =>
  useApiQuery(stock, 'stock.listInventoryProducts', input, { ...paged, enabled });
// How each list screen's table starts, and the screen's first queries (FeatureRoute.prefetch): the
// list's first page without filters and the lookups its filter bar loads.
export const ITEMS_TABLE = { sortBy: 'sku' } as const satisfies TableStart<string>;
export const LOTS_TABLE = { sortBy: 'receivedAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const HISTORY_TABLE = { sortBy: 'occurredAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const TRANSFERS_TABLE = { sortBy: 'createdAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const COUNTS_TABLE = { sortBy: 'createdAt', sortDirection: 'desc' } as const satisfies TableStart<string>;
export const startItemsScreen = screenQueries(stock, 'stock.listInventoryProducts', firstPageOf(ITEMS_TABLE), startInternalLocations);
export const startLotsScreen = screenQueries(stock, 'stock.listLots', firstPageOf(LOTS_TABLE), startInternalLocations);
export const startHistoryScreen = screenQueries(stock, 'stock.history', firstPageOf(HISTORY_TABLE), startInternalLocations, startUsers);
export const startTransfersScreen = screenQueries(stock, 'stock.listTransfers', firstPageOf(TRANSFERS_TABLE), startInternalLocations);
export const startCountsScreen = screenQueries(stock, 'stock.listCounts', firstPageOf(COUNTS_TABLE));
export const useLots = (input: ChannelInput<'stock.listLots'>, enabled = true) => useApiQuery(stock, 'stock.listLots', input, { ...paged, enabled });
export const useTransfers = (input: ChannelInput<'stock.listTransfers'>) => useApiQuery(stock, 'stock.listTransfers', input, paged);
export const useTransferDoc = (id: number) => useApiQuery(stock, 'stock.getTransfer', { id }, { enabled: id > 0 });
export const useCounts = (input: ChannelInput<'stock.listCounts'>) => useApiQuery(stock, 'stock.listCounts', input, paged);
/** The signed-in technician's vans; refetched with stock, sales and location changes. */
export const useMyVan = () => useApiQuery([...stock, 'sales', 'locations'], 'stock.myVan', {});
export const useCount = (id: number) => useApiQuery(stock, 'stock.getCount', { id }, { enabled: id > 0 });
export const useHistory = (input: ChannelInput<'stock.history'>) => useApiQuery(stock, 'stock.history', input, paged);
export const useCostOptions = (productId: number) => useApiQuery(stock, 'stock.costOptions', { productId });
export const useValueByLocation = (at: number | undefined) => useApiQuery(stock, 'stock.valueByLocation', at === undefined ? {} : { at }, paged);
export const useValueByProduct = (input: ChannelInput<'stock.valueByProduct'>) => useApiQuery(stock, 'stock.valueByProduct', input, paged);
export const useValueSeries = (months: number) => useApiQuery(stock, 'stock.valueSeries', { months });


/** Forms map these errors onto their own fields, so the shell's toast stays quiet. */
const quiet = { silentError: true } as const;

export const useCreateInventoryProduct = () => useApiMutation('stock.createInventoryProduct', quiet);
export const useUpdateInventoryProduct = () => useApiMutation('stock.updateInventoryProduct', quiet);
export const useAddStock = () => useApiMutation('stock.add', quiet);
export const useRemoveStock = () => useApiMutation('stock.remove', quiet);
export const useTransfer = () => useApiMutation('stock.transfer', quiet);
export const useReceiveTransfer = () => useApiMutation('stock.receiveTransfer', quiet);
export const useReverse = () => useApiMutation('stock.reverse', quiet);
export const useEditSerial = () => useApiMutation('stock.editSerial', quiet);
export const useStartCount = () => useApiMutation('stock.startCount', quiet);
type Count = ChannelOutput<'stock.getCount'>;
type CountLine = Count['lines'][number];

/**
 * A scanner fires many scans a minute and each answer carries the one line it changed: that line is
 * patched into the open count on screen (in the count's SKU order) instead of reloading every line.
 */
function usePatchCountLine() {
  const queryClient = useQueryClient();
  return (countId: number, line: CountLine) =>
    queryClient.setQueryData<Count>([...stock, 'stock.getCount', { id: countId }], (count) => {
      if (!count) return count;
      const lines = count.lines.filter((l) => l.productId !== line.productId);
      const at = lines.findIndex((l) => l.sku.localeCompare(line.sku) > 0);
      lines.splice(at === -1 ? lines.length : at, 0, line);
      return { ...count, lines };
    });
}
export const useScanCount = () => {
  const patch = usePatchCountLine();
  return useApiMutation('stock.scanCount', { ...quiet, refetch: false, onSuccess: (data, input) => patch(input.id, data.line) });
};
export const useSetCountQty = () => {
  const patch = usePatchCountLine();
  return useApiMutation('stock.setCountQty', { refetch: false, onSuccess: (line, input) => patch(input.id, line) });
};
export const usePostCount = () => useApiMutation('stock.postCount', quiet);
export const useCancelCount = () => useApiMutation('stock.cancelCount');
export const useSubmitCount = () => useApiMutation('stock.submitCount', quiet);
export const useSendBackCount = () => useApiMutation('stock.sendBackCount', quiet);
