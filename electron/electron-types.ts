// Just the parts of Electron's API the shell uses, as local types: the electron package (and its
// .d.ts) is an optional dependency that may be absent, and tests pass a fake object of this shape.
// Names and signatures follow Electron's own (https://www.electronjs.org/docs/latest/api).

export interface WebPreferences {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  experimentalFeatures: boolean;
  navigateOnDragDrop: boolean;
  safeDialogs: boolean;
  spellcheck: boolean;
  devTools: boolean;
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: WebPreferences;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WindowOpenDetails {
  url: string;
}

export interface WebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  toggleDevTools(): void;
}

export interface BrowserWindow {
  readonly webContents: WebContents;
  loadFile(path: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  isDestroyed(): boolean;
}

export type BrowserWindowConstructor = new (options: BrowserWindowOptions) => BrowserWindow;

export interface WebFrameMain {
  url: string;
  parent: WebFrameMain | null;
}

export interface IpcMainInvokeEvent {
  /** null when the frame navigated or was destroyed before the message arrived */
  senderFrame: WebFrameMain | null;
}

export interface IpcMain {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface HeadersReceivedDetails {
  url: string;
  responseHeaders?: Record<string, string | string[]>;
}

export interface Session {
  webRequest: {
    onHeadersReceived(listener: (details: HeadersReceivedDetails, callback: (response: { responseHeaders?: Record<string, string | string[]>; cancel?: boolean }) => void) => void): void;
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export interface App {
  whenReady(): Promise<unknown>;
  on(event: 'window-all-closed' | 'will-quit', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown;
  quit(): void;
  /** ends at once with this status (no will-quit): used when the grid database cannot be opened */
  exit(code?: number): void;
  readonly isPackaged: boolean;
  getAppPath(): string;
  getPath(name: 'userData' | 'documents' | 'temp'): string;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialog {
  showOpenDialog(window: BrowserWindow, options: { title: string; properties: ['openFile']; filters: FileFilter[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: BrowserWindow, options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>;
  showErrorBox(title: string, content: string): void;
  /** the question before a destructive menu action; response: the index of the button chosen */
  showMessageBox(
    window: BrowserWindow,
    options: { type: 'warning'; title: string; message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number },
  ): Promise<{ response: number }>;
}

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator' | 'normal' | 'submenu';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface MenuStatic {
  buildFromTemplate(template: MenuItemTemplate[]): unknown;
  setApplicationMenu(menu: unknown): void;
}

/** The main-process module, as `import('electron')` gives it. */
export interface ElectronMain {
  app: App;
  BrowserWindow: BrowserWindowConstructor;
  ipcMain: IpcMain;
  session: { defaultSession: Session };
  dialog: Dialog;
  Menu: MenuStatic;
}

/** The renderer-side modules a sandboxed preload may require. */
export interface IpcRendererEvent {
  sender?: unknown;
}

export interface IpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

export interface ContextBridge {
  exposeInMainWorld(key: string, api: unknown): void;
}
