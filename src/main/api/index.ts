import { authHandlers } from './auth';
import { catalogHandlers } from './catalog';
import { purchasingHandlers } from './purchasing';
import { stockHandlers } from './stock';
import type { HandlerTable } from './types';

/** The handler table: one entry per contract channel (the type makes a missing one a compile error). */
export const handlers: HandlerTable = { ...authHandlers, ...catalogHandlers, ...stockHandlers, ...purchasingHandlers };
