// A stand-in for the electron module (electron-types.ts shape) that records what the shell asks of
// it, for the electron/*.test.ts suites: Electron itself is optional and absent on CI machines.

import type {
  BrowserWindow,
  BrowserWindowOptions,
  ContextBridge,
  ElectronMain,
  HeadersReceivedDetails,
  IpcMainInvokeEvent,
  IpcRenderer,
  IpcRendererEvent,
  MenuItemTemplate,
  PreventableEvent,
  WebContents,
  WindowOpenDetails,
} from './electron-types.js';

// Electron's listeners take whatever each event sends; the fake stores them untyped, as Electron does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => unknown;

export class FakeWebContents implements WebContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  devToolsToggled = 0;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }): void {
    this.openHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return false;
  }
  toggleDevTools(): void {
    this.devToolsToggled++;
  }
  /** Fires a preventable event the way Chromium would; true when a listener prevented it. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e: PreventableEvent = { preventDefault: () => void (prevented = true) };
    for (const l of this.listeners.get(event) ?? []) l(e, ...args);
    return prevented;
  }
}

export class FakeWindow implements BrowserWindow {
  readonly webContents = new FakeWebContents();
  loaded: string | null = null;
  shown = false;
  private readyListener: (() => void) | null = null;

  constructor(readonly options: BrowserWindowOptions) {}

  loadFile(path: string): Promise<void> {
    this.loaded = path;
    this.readyListener?.();
    return Promise.resolve();
  }
  once(_event: 'ready-to-show', listener: () => void): this {
    this.readyListener = listener;
    return this;
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export interface FakeElectron extends ElectronMain {
  windows: FakeWindow[];
  handlers: Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>;
  appListeners: Map<string, Listener[]>;
  headersListener: ((details: HeadersReceivedDetails, callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void) => void) | null;
  requestListener: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null;
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | null;
  menuTemplate: MenuItemTemplate[] | null;
  errors: { title: string; content: string }[];
  /** what the next Open / Save dialog answers */
  nextOpen: string | null;
  /** the button the next message box answers with (default: its cancel button) */
  nextAnswer: number | null;
  /** message boxes shown, in order */
  questions: { title: string; message: string; detail: string; buttons: string[] }[];
  nextSave: string | null;
  dialogs: { kind: 'open' | 'save'; options: unknown }[];
  /** the status app.exit() was called with, or null */
  exitCode: number | null;
}

export function fakeElectron(appPath = '/opt/timezero'): FakeElectron {
  const fake: FakeElectron = {
    windows: [],
    exitCode: null,
    handlers: new Map(),
    appListeners: new Map(),
    headersListener: null,
    requestListener: null,
    permissionRequest: null,
    permissionCheck: null,
    menuTemplate: null,
    errors: [],
    nextOpen: null,
    nextAnswer: null,
    questions: [],
    nextSave: null,
    dialogs: [],
    app: {
      whenReady: () => Promise.resolve(),
      on(event: string, listener: Listener) {
        fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]);
        return this;
      },
      quit() {},
      exit(code?: number) {
        fake.exitCode = code ?? 0;
      },
      isPackaged: false,
      getAppPath: () => appPath,
      getPath: () => appPath,
    } as ElectronMain['app'],
    BrowserWindow: class extends FakeWindow {
      constructor(options: BrowserWindowOptions) {
        super(options);
        fake.windows.push(this);
      }
    },
    ipcMain: {
      handle(channel, listener) {
        if (fake.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        fake.handlers.set(channel, listener);
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived(listener) {
            fake.headersListener = listener;
          },
          onBeforeRequest(listener) {
            fake.requestListener = listener;
          },
        },
        setPermissionRequestHandler(handler) {
          fake.permissionRequest = handler;
        },
        setPermissionCheckHandler(handler) {
          fake.permissionCheck = handler;
        },
      },
    },
    dialog: {
      async showOpenDialog(_window, options) {
        fake.dialogs.push({ kind: 'open', options });
        return fake.nextOpen ? { canceled: false, filePaths: [fake.nextOpen] } : { canceled: true, filePaths: [] };
      },
      async showSaveDialog(_window, options) {
        fake.dialogs.push({ kind: 'save', options });
        return fake.nextSave ? { canceled: false, filePath: fake.nextSave } : { canceled: true };
      },
      showErrorBox(title, content) {
        fake.errors.push({ title, content });
      },
      async showMessageBox(_window, options) {
        fake.questions.push(options);
        return { response: fake.nextAnswer ?? options.cancelId };
      },
    },
    Menu: {
      buildFromTemplate: (template) => ({ template }),
      setApplicationMenu(menu) {
        fake.menuTemplate = (menu as { template: MenuItemTemplate[] }).template;
      },
    },
  };
  return fake;
}

/** An ipcMain.handle event as a frame at `url` would send it. */
export function invokeEvent(url: string | null, parent: IpcMainInvokeEvent['senderFrame'] = null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url, parent } };
}

/** The renderer side: contextBridge and ipcRenderer that record what the preload does. */
export function fakeRenderer(reply: (channel: string, payload: unknown) => unknown = () => ({ ok: true, result: null })) {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<(event: IpcRendererEvent, ...args: unknown[]) => void>>();
  const contextBridge: ContextBridge = { exposeInMainWorld: (key, api) => void exposed.set(key, api) };
  const ipcRenderer: IpcRenderer = {
    async invoke(channel, ...args) {
      invoked.push({ channel, args });
      return reply(channel, args[0]);
    },
    on(channel, listener) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      return this;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return this;
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender: 'main-internals' }, payload));
  return { contextBridge, ipcRenderer, exposed, invoked, listeners, emit };
}
