// The desktop shell's main process: glue only. It hardens the session and every web contents,
// opens one sandboxed window on dist/renderer/index.html, registers one IPC handler per contract
// channel (sender checked, payload handed to the console service's dispatcher), forwards the
// service's events to the page, and installs the menu. Electron comes in as a parameter so tests
// can drive all of this with a fake; at run time it is imported dynamically (it is optional).

import { join } from 'node:path';
import { createConsoleService, type ConsoleService } from '../services/console-service.js';
import { CONSOLE_DB, sqliteSessionStore } from '../services/sqlite-session-store.js';
import { StoreError } from '../core/store/port.js';
import { isStorageFailure } from '../core/store/storage-errors.js';
import type { BrowserWindow, ElectronMain } from './electron-types.js';
import { appUrl, registerIpc, trustedSender } from './ipc.js';
import { desktopFiles, menuActions, menuTemplate } from './menu.js';
import { hardenContents, installSessionSecurity } from './security.js';
import { windowOptions } from './window.js';

export const RENDERER_INDEX = join('dist', 'renderer', 'index.html');
export const PRELOAD_BUNDLE = join('dist-electron', 'preload.cjs');

export interface DesktopOptions {
  /** the folder holding package.json, dist/renderer and dist-electron */
  appRoot: string;
  dev: boolean;
  seed?: number | undefined;
  platform?: NodeJS.Platform;
  /** the user-data folder holding the console database; absent keeps the grid in memory (tests) */
  dataDir?: string;
}

export interface DesktopApp {
  window: BrowserWindow;
  service: ConsoleService;
  channels: string[];
}

export async function startDesktop(electron: ElectronMain, opts: DesktopOptions): Promise<DesktopApp> {
  const { app, BrowserWindow, ipcMain, dialog, Menu } = electron;
  await app.whenReady();
  const indexHtml = join(opts.appRoot, RENDERER_INDEX);

  installSessionSecurity(electron.session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());

  const window = new BrowserWindow(windowOptions({ preload: join(opts.appRoot, PRELOAD_BUNDLE) }, opts.dev));
  hardenContents(window.webContents);

  const files = desktopFiles({ window, dialog });
  // The grid and its history live in SQLite in the user-data folder; first start opens the sample.
  let store: ReturnType<typeof sqliteSessionStore> | undefined;
  try {
    store = opts.dataDir ? sqliteSessionStore(join(opts.dataDir, CONSOLE_DB)) : undefined;
  } catch (error) {
    // Held by another TimeZero, read-only, or not a TimeZero database: say which, and stop (spec §12: 3).
    if (!(error instanceof StoreError)) throw error;
    dialog.showErrorBox('TimeZero cannot open its grid database', error.message);
    app.exit(isStorageFailure(error) ? 3 : 1);
    throw error;
  }
  const service = createConsoleService({ seed: opts.seed, desktop: files.desktop, store });
  // A clean quit ends the database's run: the next start is no power-off (core/store/power-restart.ts).
  app.on('will-quit', () => service.close());
  const channels = registerIpc(ipcMain, service.handle, trustedSender(appUrl(indexHtml)));
  service.subscribe((event) => {
    if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(event.event, event.payload);
  });

  const actions = menuActions({ window, dialog, service, files, dev: opts.dev });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, { dev: opts.dev, platform: opts.platform ?? process.platform })));

  window.once('ready-to-show', () => window.show());
  await window.loadFile(indexHtml);
  return { window, service, channels };
}

/** Inside Electron: load the real module and start. */
async function launch(): Promise<void> {
  const name = 'electron'; // a variable specifier: no types needed, nothing resolved at build time
  const loaded = (await import(name)) as { default?: ElectronMain } & ElectronMain;
  const electron = loaded.default ?? loaded;
  const seed = /^\d+$/.test(process.env.TZ_SEED ?? '') ? Number(process.env.TZ_SEED) : undefined;
  await startDesktop(electron, { appRoot: electron.app.getAppPath(), dev: !electron.app.isPackaged, seed, dataDir: electron.app.getPath('userData') });
}

if (process.versions.electron && (process as { type?: string }).type === 'browser') {
  launch().catch((error: unknown) => {
    console.error('TimeZero desktop failed to start:', error);
    process.exit(1);
  });
}
