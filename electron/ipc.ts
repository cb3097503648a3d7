// The main side of IPC: one ipcMain.handle per contract channel, each checking that the message
// comes from the app's own page (its file URL, top frame) before handing the payload to the console
// service's dispatcher, which validates it against the contract. Replies are the service's values.

import { pathToFileURL } from 'node:url';
import type { Reply } from '../services/errors.js';
import { CHANNELS } from './api-names.js';
import type { IpcMain, IpcMainInvokeEvent } from './electron-types.js';

export type Dispatch = (channel: string, payload: unknown) => Promise<Reply>;

export function appUrl(indexHtml: string): string {
  return pathToFileURL(indexHtml).href;
}

/** True when the sender is the top frame of the app page (any in-page #route). */
export function trustedSender(expectedUrl: string): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    let url: URL;
    try {
      url = new URL(frame.url);
    } catch {
      return false;
    }
    url.hash = '';
    url.search = '';
    return url.href === expectedUrl;
  };
}

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, isTrusted: (event: IpcMainInvokeEvent) => boolean): string[] {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload) => {
      if (!isTrusted(event)) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: `${channel}: refused a message from ${event.senderFrame?.url ?? 'a destroyed frame'}` } } satisfies Reply;
      }
      return dispatch(channel, payload);
    });
  }
  return [...CHANNELS];
}
