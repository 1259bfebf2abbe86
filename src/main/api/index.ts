import { authHandlers } from './auth';
import { backupHandlers } from './backups';
import { catalogHandlers } from './catalog';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { labelHandlers } from './labels';
import { notificationHandlers } from './notifications';
import { purchasingHandlers } from './purchasing';
import { returnHandlers } from './returns';
import { rmaHandlers } from './rma';
import { vendorReturnHandlers } from './vendorReturns';
import { salesHandlers } from './sales';
import { stockHandlers } from './stock';
import type { HandlerTable } from './types';

/**
 * The handler table: one entry per contract channel (the type makes a missing one a compile error). The
 * backup channels need the app's backup service: createApp binds them (backupHandlers).
 */
export const handlers: HandlerTable = { ...authHandlers, ...catalogHandlers, ...stockHandlers, ...labelHandlers, ...purchasingHandlers, ...salesHandlers, ...returnHandlers, ...rmaHandlers, ...vendorReturnHandlers, ...notificationHandlers, ...exportHandlers, ...importHandlers, ...backupHandlers(null) };
