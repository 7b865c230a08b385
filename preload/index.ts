/**
 * The bridge. Exposes one function per request channel and a subscription for the contract's events,
 * nothing else: no ipcRenderer, no generic send, no Node API reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeGlobalName, eventChannels, requestChannels, type EventChannel } from './contract.ts';

const bridge: Record<string, unknown> = {};
for (const channel of requestChannels) {
  bridge[channel] = (args: unknown) => ipcRenderer.invoke(channel, args);
}
bridge.on = (event: EventChannel, listener: (payload: unknown) => void): (() => void) => {
  if (!eventChannels.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
  if (typeof listener !== 'function') throw new Error('The listener must be a function');
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

contextBridge.exposeInMainWorld(bridgeGlobalName, Object.freeze(bridge));
