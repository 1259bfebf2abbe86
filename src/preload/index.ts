// The renderer's only door to the main process: one function per contract channel. Exposing
// ipcRenderer itself would let a compromised page invoke any channel name or listen to any event.
import { contextBridge, ipcRenderer } from 'electron';
import type { ChannelName } from '../shared/contract';
// The names only: the contract itself would bundle zod and every schema into the preload.
import { channelNames } from '../shared/contract/channelNames';

const bridge = Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)])) as Record<
  ChannelName,
  (input: unknown) => Promise<unknown>
>;

contextBridge.exposeInMainWorld('api', bridge);
