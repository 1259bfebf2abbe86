import type { searchContract, stockContract } from '@shared/contract/stock';
import { globalSearch } from '../domain/search/search';
import { addStock, costOptions, removeStock } from '../domain/stock/adjustments';
import { cancelCount, getCount, listCounts, postCount, scanCount, sendBackCount, setCountQty, startCount, submitCount } from '../domain/stock/counts';
import { history } from '../domain/stock/history';
import { createInventoryProduct, listInventoryProducts, updateInventoryProduct } from '../domain/stock/inventoryProducts';
import { editSerial, listLots } from '../domain/stock/lots';
import { myVan } from '../domain/stock/myVan';
import { reverseDocument } from '../domain/stock/reversal';
import { takenSerials } from '../domain/stock/serials';
import { getTransfer, listTransfers, receiveTransfer, transferStock } from '../domain/stock/transfers';
import { valueByLocation, valueByProduct, valueSeries } from '../domain/stock/value';
import { verifyLedger } from '../domain/stock/verify';
import type { PartialHandlerTable } from './types';

export const stockHandlers: PartialHandlerTable<keyof typeof stockContract | keyof typeof searchContract> = {
  'stock.listInventoryProducts': (input, { ctx }) => listInventoryProducts(ctx, input),
  'stock.createInventoryProduct': (input, { ctx, actor }) => createInventoryProduct(ctx, actor, input),
  'stock.updateInventoryProduct': (input, { ctx, actor }) => updateInventoryProduct(ctx, actor, input),
  'stock.listLots': (input, { ctx }) => listLots(ctx, input),
  'stock.editSerial': (input, { ctx, actor }) => editSerial(ctx, actor, input),
  'stock.costOptions': (input, { ctx }) => costOptions(ctx, input.productId),
  'stock.add': (input, { ctx, actor }) => addStock(ctx, actor, input),
  'stock.remove': (input, { ctx, actor }) => removeStock(ctx, actor, input),
  'stock.transfer': (input, { ctx, actor }) => transferStock(ctx, actor, input),
  'stock.receiveTransfer': (input, { ctx, actor }) => receiveTransfer(ctx, actor, input),
  'stock.getTransfer': (input, { ctx }) => getTransfer(ctx, input.id),
  'stock.checkSerials': (input, { ctx }) => ({ taken: takenSerials(ctx, input.productId, input.serials).named }),
  'stock.listTransfers': (input, { ctx }) => listTransfers(ctx, input),
  'stock.myVan': (_input, { ctx, actor }) => myVan(ctx, actor),
  'stock.reverse': (input, { ctx, actor }) => reverseDocument(ctx, actor, input),
  'stock.startCount': (input, { ctx, actor }) => startCount(ctx, actor, input),
  'stock.listCounts': (input, { ctx }) => listCounts(ctx, input),
  'stock.getCount': (input, { ctx }) => getCount(ctx, input.id),
  'stock.scanCount': (input, { ctx }) => scanCount(ctx, input),
  'stock.setCountQty': (input, { ctx }) => setCountQty(ctx, input),
  'stock.postCount': (input, { ctx, actor }) => postCount(ctx, actor, input),
  'stock.submitCount': (input, { ctx, actor }) => submitCount(ctx, actor, input.id),
  'stock.sendBackCount': (input, { ctx, actor }) => sendBackCount(ctx, actor, input),
  'stock.cancelCount': (input, { ctx, actor }) => cancelCount(ctx, actor, input.id),
  'stock.history': (input, { ctx }) => history(ctx, input),
  'stock.valueByLocation': (input, { ctx }) => valueByLocation(ctx, input.at),
  'stock.valueByProduct': (input, { ctx }) => valueByProduct(ctx, input),
  'stock.valueSeries': (input, { ctx }) => valueSeries(ctx, input.months),
  'stock.verifyLedger': (_input, { ctx }) => verifyLedger(ctx),
  'search.global': (input, { ctx }) => globalSearch(ctx, input.q),
};
