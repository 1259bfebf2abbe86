import type { z } from 'zod';
import { authContract } from './auth';
import { backupsContract } from './backups';
import { catalogContract } from './catalog';
import { exportsContract } from './exports';
import { importsContract } from './imports';
import { labelsContract } from './labels';
import { locationsContract } from './locations';
import { notificationsContract } from './notifications';
import { purchasingContract } from './purchasing';
import { returnsContract } from './returns';
import { rmaContract } from './rma';
import { salesContract } from './sales';
import { settingsContract } from './settings';
import { searchContract, stockContract } from './stock';
import { vendorReturnsContract } from './vendorReturns';

/** Every channel of the app: the one source of types for renderer, preload, IPC and HTTP. */
export const contract = {
  ...authContract,
  ...settingsContract,
  ...locationsContract,
  ...catalogContract,
  ...stockContract,
  ...searchContract,
  ...labelsContract,
  ...purchasingContract,
  ...salesContract,
  ...returnsContract,
  ...rmaContract,
  ...vendorReturnsContract,
  ...backupsContract,
  ...notificationsContract,
  ...exportsContract,
  ...importsContract,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export const channelNames = Object.keys(contract) as ChannelName[];

export * from './define';
