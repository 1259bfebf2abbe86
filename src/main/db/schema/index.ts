export * from './auth';
export * from './catalog';
export * from './locations';
export * from './stock';
export * from './purchasing';
export * from './sales';
export * from './notifications';
export * from './rma';
