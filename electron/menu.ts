// The application menu: File (open/save runbooks, open grid files, save reports), Simulation
// (advance time, run until idle), Edit and View. Native dialogs choose files; what the page must do
// (hand over the runbook text, render a report, ask for a duration) goes to it as an `app.menu`
// event, and the page answers through the contract (file.save, time.advance).

import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ConsoleService, DesktopPort } from '../services/console-service.js';
import { readRegularFileBounded } from '../services/bounded-read.js';
import type { BrowserWindow, Dialog, FileFilter, MenuItemTemplate } from './electron-types.js';
import type { Response } from '../contract/api.js';
import { errorMessage } from '../core/error-text.js';

const RUNBOOK_FILTERS: FileFilter[] = [{ name: 'Runbooks', extensions: ['runbook', 'txt'] }];
const GRID_FILTERS: FileFilter[] = [{ name: 'Grid files', extensions: ['json'] }];
const REPORT_FILTERS: FileFilter[] = [{ name: 'HTML reports', extensions: ['html'] }];
const PDF_FILTERS: FileFilter[] = [{ name: 'PDF reports', extensions: ['pdf'] }];
const EXPORTSET_FILTERS: FileFilter[] = [{ name: 'Export sets', extensions: ['tzset', 'txt'] }];
/** contract/export-api.ts caps an export set at 7 MB */
const MAX_EXPORTSET_BYTES = 7 * 2 ** 20;
/** contract/api.ts caps runbook text at 4 MB; a grid file at 8 MB (core/model/grid-file.ts) */
const MAX_RUNBOOK_BYTES = 4 * 2 ** 20;
const MAX_GRID_BYTES = 8 * 2 ** 20;

export interface MenuActions {
  openRunbook(): void;
  saveRunbook(): void;
  openGridFile(): void;
  saveReport(): void;
  advanceTime(): void;
  runUntilIdle(): void;
  toggleDevTools(): void;
}

export const ACCELERATORS = {
  openRunbook: 'CmdOrCtrl+O',
  saveRunbook: 'CmdOrCtrl+S',
  openGridFile: 'CmdOrCtrl+Shift+O',
  saveReport: 'CmdOrCtrl+Shift+S',
  advanceTime: 'CmdOrCtrl+T',
  runUntilIdle: 'CmdOrCtrl+Shift+T',
  toggleDevTools: 'CmdOrCtrl+Alt+I',
} as const;

export function menuTemplate(actions: MenuActions, opts: { dev: boolean; platform: NodeJS.Platform }): MenuItemTemplate[] {
  const item = (label: string, action: keyof MenuActions): MenuItemTemplate => ({ label, accelerator: ACCELERATORS[action], click: () => actions[action]() });
  const view: MenuItemTemplate[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }];
  if (opts.dev) view.push({ type: 'separator' }, item('Toggle Developer Tools', 'toggleDevTools'));
  const template: MenuItemTemplate[] = [
    {
      label: 'File',
      submenu: [
        item('Open Runbook…', 'openRunbook'),
        item('Save Runbook', 'saveRunbook'),
        { type: 'separator' },
        item('Open Grid File…', 'openGridFile'),
        item('Save Report…', 'saveReport'),
        { type: 'separator' },
        { role: opts.platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: 'Simulation', submenu: [item('Advance Time…', 'advanceTime'), item('Run Until Idle', 'runUntilIdle')] },
    { label: 'View', submenu: view },
  ];
  if (opts.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}

export interface DesktopFiles {
  /** file.save for the service: native Save dialog, or straight back to the runbook last opened */
  desktop: DesktopPort;
  /** native Open dialog; the chosen file's text, refused above `limit` bytes */
  pick(title: string, filters: FileFilter[], limit: number): Promise<{ path: string; text: string } | null>;
  /** Save writes back here, as an editor's Save does */
  rememberRunbook(path: string): void;
}

/** A chosen file's text, capped while reading; a device or FIFO is refused (services/bounded-read.ts). */
async function readCapped(path: string, limit: number): Promise<string> {
  try {
    return await readRegularFileBounded(path, limit);
  } catch (error) {
    throw new Error(`${basename(path)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export function desktopFiles(deps: { window: BrowserWindow; dialog: Dialog }): DesktopFiles {
  const { window, dialog } = deps;
  let runbookPath: string | null = null;
  return {
    async pick(title, filters, limit) {
      const chosen = await dialog.showOpenDialog(window, { title, properties: ['openFile'], filters });
      const path = chosen.canceled ? undefined : chosen.filePaths[0];
      if (!path) return null;
      return { path, text: await readCapped(path, limit) };
    },
    rememberRunbook(path) {
      runbookPath = path;
    },
    desktop: {
      async saveFile(kind, name, text, encoding) {
        const safeName = basename(name) || (kind === 'report' ? 'report.html' : 'runbook.runbook');
        if (kind === 'runbook' && runbookPath && basename(runbookPath) === safeName) {
          await writeFile(runbookPath, text, 'utf8');
          return runbookPath;
        }
        const filters = kind === 'exportset' ? EXPORTSET_FILTERS : kind === 'report' ? (extname(safeName).toLowerCase() === '.pdf' ? PDF_FILTERS : REPORT_FILTERS) : RUNBOOK_FILTERS;
        const title = kind === 'exportset' ? 'Save Export Set' : kind === 'report' ? 'Save Report' : 'Save Runbook';
        const chosen = await dialog.showSaveDialog(window, { title, defaultPath: safeName, filters });
        if (chosen.canceled || !chosen.filePath) return null;
        const path = extname(chosen.filePath) ? chosen.filePath : `${chosen.filePath}.${filters[0]!.extensions[0]}`;
        // A PDF report arrives as base64 and is written as its bytes.
        await writeFile(path, encoding === 'base64' ? Buffer.from(text, 'base64') : text, encoding === 'base64' ? undefined : 'utf8');
        if (kind === 'runbook') runbookPath = path;
        return path;
      },
      // exportset.open: the offline rehearsal's export-set file, named on the shelf after its file name.
      async openFile() {
        const chosen = await dialog.showOpenDialog(window, { title: 'Open Export Set', properties: ['openFile'], filters: EXPORTSET_FILTERS });
        const path = chosen.canceled ? undefined : chosen.filePaths[0];
        if (!path) return null;
        const text = await readCapped(path, MAX_EXPORTSET_BYTES);
        const name =
          basename(path)
            .replace(/[^A-Za-z0-9._-]/g, '-')
            .replace(/^[^A-Za-z0-9]+/, '')
            .slice(0, 64) || 'exportset.tzset';
        return { name, text };
      },
    },
  };
}

/** What each menu item does, over one window, its dialogs and the console service. */
export function menuActions(deps: { window: BrowserWindow; dialog: Dialog; service: ConsoleService; files: DesktopFiles; dev: boolean }): MenuActions {
  const { window, dialog, service, files } = deps;
  const failed = (title: string) => (error: unknown) => dialog.showErrorBox(title, errorMessage(error));
  return {
    openRunbook() {
      files
        .pick('Open Runbook', RUNBOOK_FILTERS, MAX_RUNBOOK_BYTES)
        .then((file) => {
          if (!file) return;
          files.rememberRunbook(file.path);
          service.publish({ event: 'runbook.opened', payload: { name: basename(file.path), text: file.text } });
        })
        .catch(failed('Cannot open the runbook'));
    },
    saveRunbook: () => service.publish({ event: 'app.menu', payload: { action: 'save-runbook' } }),
    openGridFile() {
      files
        .pick('Open Grid File', GRID_FILTERS, MAX_GRID_BYTES)
        .then(async (file) => {
          if (!file) return;
          // Opening a grid file replaces the grid: ask first, naming what goes (issue 11 item 5).
          const reply0 = await service.handle('command.impact', { text: 'GRID QUESTION' });
          const impact = reply0.ok ? (reply0.result as Response<'command.impact'>) : null;
          const first = impact?.impacts[0];
          const persistent = impact?.persistent ?? false;
          const answer = await dialog.showMessageBox(window, {
            type: 'warning',
            title: 'Open Grid File',
            message: `Open the grid file ${basename(file.path)}?`,
            detail: `This will ${(first?.loses ?? ['replace the whole grid']).join('; ')}.\n\n${persistent ? 'A backup of the grid database is taken first: Backups (in the header) restores it.' : 'This console keeps its grid in memory: no backup can be taken.'}`,
            buttons: ['Open grid file', 'Cancel'],
            defaultId: 1,
            cancelId: 1,
          });
          if (answer.response !== 0) return;
          const reply = await service.openGridFile(basename(file.path), file.text);
          if (!reply.ok) throw new Error(reply.error.message);
          const problem = reply.result.errors[0];
          if (problem) throw new Error(`${basename(file.path)}: line ${problem.line}: ${problem.message}`);
        })
        .catch(failed('Cannot open the grid file'));
    },
    saveReport: () => service.publish({ event: 'app.menu', payload: { action: 'save-report' } }),
    advanceTime: () => service.publish({ event: 'app.menu', payload: { action: 'advance-time' } }),
    runUntilIdle() {
      void service.handle('time.advance', { duration: null }).then((reply) => {
        if (!reply.ok) dialog.showErrorBox('Run until idle failed', reply.error.message);
      });
    },
    toggleDevTools() {
      if (deps.dev) window.webContents.toggleDevTools();
    },
  };
}
