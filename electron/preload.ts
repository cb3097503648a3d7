// The preload: the page's only door to the main process. It exposes `window.timezero` with ONE
// named function per contract channel and `on(event, cb)` for the contract's events only — never a
// generic invoke(channel) or ipcRenderer itself (STYLE: keep the preload to a named API). Replies are
// unwrapped: a result resolves, an error value rejects as {code, message}.

import type { Channel, EventName, EventPayload, Request, Response } from '../contract/api.js';
import type { MethodName } from './api-names.js';
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from './electron-types.js';

export type DesktopApi = { [C in Channel as MethodName<C>]: (payload: Request<C>) => Promise<Response<C>> } & {
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
};

/**
 * The contract's events, written out so the sandboxed preload bundle needs no zod at run time; the
 * type below fails to compile when contract/api.ts gains an event this list lacks.
 */
export const PRELOAD_EVENTS = ['engine.changed', 'engine.messages', 'engine.progress', 'app.menu', 'runbook.opened', 'wizard.changed'] as const satisfies readonly EventName[];
type MissingEvents = Exclude<EventName, (typeof PRELOAD_EVENTS)[number]>;
const everyEvent: MissingEvents extends never ? true : MissingEvents = true;
void everyEvent;

type Reply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

function unwrap(reply: unknown): unknown {
  const r = reply as Reply;
  if (r && r.ok === true) return r.result;
  // A plain object survives the context bridge with its code; an Error would keep only its message.
  const error = r && r.ok === false ? r.error : { code: 'HOST_ERROR', message: 'the main process sent no reply' };
  throw { code: error.code, message: error.message };
}

export function preloadApi(ipc: IpcRenderer): DesktopApi {
  const call =
    <C extends Channel>(channel: C) =>
    (payload: Request<C>): Promise<Response<C>> =>
      ipc.invoke(channel, payload).then(unwrap) as Promise<Response<C>>;

  function on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
    if (!(PRELOAD_EVENTS as readonly string[]).includes(event)) throw new Error(`timezero.on: '${String(event)}' is not an event of the contract`);
    if (typeof callback !== 'function') throw new Error('timezero.on: the callback must be a function');
    // The IPC event (with its sender) never reaches the page: only the payload does.
    const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload as EventPayload<E>);
    ipc.on(event, listener);
    return () => void ipc.removeListener(event, listener);
  }

  return Object.freeze({
    sessionInfo: call('session.info'),
    consoleExecute: call('console.execute'),
    commandImpact: call('command.impact'),
    runbookValidate: call('runbook.validate'),
    runbookStep: call('runbook.step'),
    workCancel: call('work.cancel'),
    gridShow: call('grid.show'),
    clusterShow: call('cluster.show'),
    volumesPage: call('volumes.page'),
    volumesCsv: call('volumes.csv'),
    volumeShow: call('volume.show'),
    queuesShow: call('queues.show'),
    timeAdvance: call('time.advance'),
    journalList: call('journal.list'),
    fileSave: call('file.save'),
    drFamilies: call('dr.families'),
    drReadiness: call('dr.readiness'),
    wizardList: call('wizard.list'),
    wizardState: call('wizard.state'),
    wizardStart: call('wizard.start'),
    wizardStep: call('wizard.step'),
    wizardPause: call('wizard.pause'),
    wizardResume: call('wizard.resume'),
    wizardAbandon: call('wizard.abandon'),
    reportDrTest: call('report.drTest'),
    exportOverview: call('export.overview'),
    exportPlan: call('export.plan'),
    exportStatus: call('export.status'),
    recoveryStatus: call('recovery.status'),
    exportsetList: call('exportset.list'),
    exportsetRead: call('exportset.read'),
    exportsetUpload: call('exportset.upload'),
    exportsetOpen: call('exportset.open'),
    backupList: call('backup.list'),
    backupRestore: call('backup.restore'),
    dasdOverview: call('dasd.overview'),
    dasdJournal: call('dasd.journal'),
    reportsList: call('reports.list'),
    reportsGet: call('reports.get'),
    reportsExport: call('reports.export'),
    reportsVerify: call('reports.verify'),
    reportsCreate: call('reports.create'),
    policiesShow: call('policies.show'),
    workloadState: call('workload.state'),
    workloadStart: call('workload.start'),
    workloadStop: call('workload.stop'),
    workloadRun: call('workload.run'),
    gridfileCheck: call('gridfile.check'),
    gridfileOpen: call('gridfile.open'),
    inventoryPreview: call('inventory.preview'),
    inventoryUpload: call('inventory.upload'),
    inventoryCheck: call('inventory.check'),
    inventoryImport: call('inventory.import'),
    languageCommands: call('language.commands'),
    languageVolsers: call('language.volsers'),
    on,
  } satisfies DesktopApi);
}

export function exposeApi(contextBridge: ContextBridge, ipc: IpcRenderer): void {
  contextBridge.exposeInMainWorld('timezero', preloadApi(ipc));
}

// Inside Electron's sandboxed preload (bundled to CommonJS by electron/launch.ts) this runs; in
// tests, which import preloadApi with a fake ipcRenderer, it does not.
if (typeof process !== 'undefined' && (process as { type?: string }).type === 'renderer') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the sandboxed preload is CommonJS
  const electron = require('electron') as { contextBridge: ContextBridge; ipcRenderer: IpcRenderer };
  exposeApi(electron.contextBridge, electron.ipcRenderer);
}
