// The application menu: keyboard shortcuts for the console's file and simulation commands, developer
// tools only in development, native dialogs filtered to grid files (.json), runbooks (.runbook/.txt)
// and reports (.html); what the page must finish goes to it as contract events.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleService, type ConsoleService, type EngineEvent } from '../services/console-service.js';
import type { MenuItemTemplate } from './electron-types.js';
import { fakeElectron, FakeWindow, type FakeElectron } from './fake-electron.js';
import { desktopFiles, menuActions, menuTemplate, type MenuActions } from './menu.js';
import { windowOptions } from './window.js';

function items(template: MenuItemTemplate[]): MenuItemTemplate[] {
  return template.flatMap((i) => [i, ...items(i.submenu ?? [])]);
}

function byLabel(template: MenuItemTemplate[], label: string): MenuItemTemplate | undefined {
  return items(template).find((i) => i.label === label);
}

const noop = new Proxy({}, { get: () => () => {} }) as MenuActions;

describe('menu template', () => {
  it('binds the console commands to their shortcuts', () => {
    const template = menuTemplate(noop, { dev: false, platform: 'linux' });
    expect(byLabel(template, 'Open Runbook…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel(template, 'Save Runbook')?.accelerator).toBe('CmdOrCtrl+S');
    for (const label of ['Open Grid File…', 'Save Report…', 'Advance Time…', 'Run Until Idle']) expect(byLabel(template, label)?.accelerator).toBeTruthy();
    const accelerators = items(template).flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('offers developer tools only in development', () => {
    expect(byLabel(menuTemplate(noop, { dev: false, platform: 'linux' }), 'Toggle Developer Tools')).toBeUndefined();
    expect(items(menuTemplate(noop, { dev: false, platform: 'linux' })).some((i) => i.role === 'toggleDevTools' || i.role === 'reload' || i.role === 'forceReload')).toBe(false);
    expect(byLabel(menuTemplate(noop, { dev: true, platform: 'linux' }), 'Toggle Developer Tools')).toBeDefined();
  });
});

describe('menu actions', () => {
  let electron: FakeElectron;
  let window: FakeWindow;
  let service: ConsoleService;
  let seen: EngineEvent[];
  let actions: MenuActions;
  let dir: string;

  beforeEach(() => {
    electron = fakeElectron();
    window = new FakeWindow(windowOptions({ preload: 'p' }));
    const files = desktopFiles({ window, dialog: electron.dialog });
    service = createConsoleService({ desktop: files.desktop });
    seen = [];
    service.subscribe((e) => seen.push(e));
    actions = menuActions({ window, dialog: electron.dialog, service, files, dev: false });
    dir = mkdtempSync(join(tmpdir(), 'tz-menu-'));
  });

  // The actions are fire-and-forget (a menu click has no caller to answer): wait for their effect.
  const eventually = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 5 });

  it('Open Runbook reads the chosen .runbook/.txt file into a runbook.opened event; Save writes it back', async () => {
    const path = join(dir, 'failover.runbook');
    writeFileSync(path, 'FAIL CLUSTER CL0\n');
    electron.nextOpen = path;
    actions.openRunbook();
    await eventually(() => expect(seen.some((e) => e.event === 'runbook.opened')).toBe(true));
    expect(electron.dialogs[0]).toMatchObject({ kind: 'open', options: { filters: [{ extensions: ['runbook', 'txt'] }] } });
    expect(seen).toContainEqual({ event: 'runbook.opened', payload: { name: 'failover.runbook', text: 'FAIL CLUSTER CL0\n' } });
    actions.saveRunbook();
    expect(seen.at(-1)).toEqual({ event: 'app.menu', payload: { action: 'save-runbook' } });
    // the page answers with file.save: same name → written back without a dialog
    expect(await service.handle('file.save', { kind: 'runbook', name: 'failover.runbook', text: 'REPAIR CLUSTER CL0\n' })).toEqual({ ok: true, result: { path } });
    expect(readFileSync(path, 'utf8')).toBe('REPAIR CLUSTER CL0\n');
    expect(electron.dialogs).toHaveLength(1);
  });

  it('Open Grid File loads a .json grid file into the session', async () => {
    const path = join(dir, 'grid.json');
    writeFileSync(path, JSON.stringify({ format: 'timezero-grid', version: 1, grid: 'MENUGRID', sites: ['S'], clusters: [{ name: 'M0', site: 'S', model: 'DISK' }] }));
    electron.nextOpen = path;
    // Asked first (issue 11 item 5): Cancel keeps the grid; the confirming button opens the file.
    actions.openGridFile();
    await eventually(() => expect(electron.questions).toHaveLength(1));
    expect(electron.questions[0]!.detail).toContain('replace the whole grid GRID01');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.session.engine.state.name).toBe('GRID01');
    electron.nextAnswer = 0;
    actions.openGridFile();
    await eventually(() => expect(service.session.engine.state.name).toBe('MENUGRID'));
    expect(electron.dialogs[0]).toMatchObject({ kind: 'open', options: { filters: [{ extensions: ['json'] }] } });
    expect(seen.some((e) => e.event === 'engine.changed')).toBe(true);
  });

  it('a bad grid file is reported in an error box, with the field path', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ format: 'timezero-grid', version: 1, grid: 'G', sites: ['S'], clusters: [{ name: 'M0', site: 'NOPE', model: 'DISK' }] }));
    electron.nextOpen = path;
    electron.nextAnswer = 0;
    actions.openGridFile();
    await eventually(() => expect(electron.errors[0]?.content).toContain('clusters[0].site'));
  });

  it('Save Report, Advance Time ask the page; Run Until Idle advances the engine', async () => {
    actions.saveReport();
    actions.advanceTime();
    expect(seen.map((e) => e.payload)).toEqual([{ action: 'save-report' }, { action: 'advance-time' }]);
    const before = service.session.journal.length;
    actions.runUntilIdle();
    await eventually(() => expect(service.session.journal.at(-1)?.text).toBe('ADVANCE UNTIL IDLE'));
    expect(service.session.journal.length).toBe(before + 1);
  });

  it('export sets: saved through the Save dialog as .tzset, opened through the Open dialog and checked (Redbook §11.7.2 step 6)', async () => {
    for (const line of [
      'MC MCCE COPY RRR SECONDARY 8',
      'MC MCLIST COPY NNR',
      'POOL CL2 8 COPYEXPORT RECLAIM 8 SCRATCH 4',
      'PRELOAD E00000-E00009 ON CL0 MC MCCE SIZE 100MB',
      'INSERT EXP000 ON CL2',
      'ADVANCE 5m',
      'EXPORTLIST EXP000 ON CL2 POOL 8 EJECT MC MCLIST',
      'LIBRARY EXPORT,EXP000',
      'ADVANCE UNTIL IDLE',
      'SAVE EXPORTSET FROM CL2 cl2.tzset',
    ]) {
      expect(await service.handle('console.execute', { line }), line).toMatchObject({ ok: true, result: { records: [{ ok: true }] } });
    }
    const read = (await service.handle('exportset.read', { name: 'cl2.tzset' })) as { ok: true; result: { text: string } };
    const saved = join(dir, 'offsite');
    electron.nextSave = saved;
    expect(await service.handle('file.save', { kind: 'exportset', name: 'cl2.tzset', text: read.result.text })).toEqual({ ok: true, result: { path: `${saved}.tzset` } });
    expect(electron.dialogs.at(-1)).toMatchObject({ kind: 'save', options: { title: 'Save Export Set', filters: [{ extensions: ['tzset', 'txt'] }] } });

    // A damaged copy is refused and nothing is kept; the file as saved is kept under its file name.
    const damaged = join(dir, 'damaged set.tzset');
    writeFileSync(damaged, read.result.text.replace('"CL2"', '"CLX"'));
    electron.nextOpen = damaged;
    expect(await service.handle('exportset.open', {})).toMatchObject({ ok: false, error: { code: 'BAD_EXPORTSET', message: expect.stringContaining('checksum mismatch') } });
    electron.nextOpen = `${saved}.tzset`;
    expect(await service.handle('exportset.open', {})).toMatchObject({ ok: true, result: { name: 'offsite.tzset', origin: 'opened', library: 'CL2' } });
    expect(electron.dialogs.at(-1)).toMatchObject({ kind: 'open', options: { title: 'Open Export Set' } });
    electron.nextOpen = null;
    expect(await service.handle('exportset.open', {})).toEqual({ ok: true, result: null });
  });

  it('Toggle Developer Tools does nothing outside development', () => {
    actions.toggleDevTools();
    expect(window.webContents.devToolsToggled).toBe(0);
  });
});
