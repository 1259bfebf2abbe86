// The renderer's only door to the main process: one function per contract channel, and a listener for
// change events. Exposing ipcRenderer itself would let a compromised page invoke any channel name or
// listen to any event.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChannelName } from '../shared/contract';
// The names only: the contract itself would bundle zod and every schema into the preload.
import { channelNames } from '../shared/contract/channelNames';
import { CHANGE_EVENT, type ChangeEvent } from '../shared/events';

const bridge = Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)])) as Record<
  ChannelName,
  (input: unknown) => Promise<unknown>
>;

contextBridge.exposeInMainWorld('api', bridge);

contextBridge.exposeInMainWorld('appEvents', {
  /** Calls `listener` with each change the main process announces; returns the unsubscribe function. */
  onChange(listener: (change: ChangeEvent) => void): () => void {
    // Only the change itself crosses: the IPC event object would hand the page the sender.
    const forward = (_event: IpcRendererEvent, change: ChangeEvent) => listener(change);
    ipcRenderer.on(CHANGE_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(CHANGE_EVENT, forward);
    };
  },
});
