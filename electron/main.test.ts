// The desktop shell against a fake electron module: the window is isolated and sandboxed without
// Node, every response gets a strict CSP, navigation / new windows / permissions are refused, one IPC
// handler exists per contract channel and it refuses senders other than the app's own page
// (Electron security checklist; STYLE: validate every IPC payload, named API only).

import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channels } from '../contract/api.js';
import { fakeElectron, FakeWebContents, invokeEvent, type FakeElectron } from './fake-electron.js';
import { startDesktop, type DesktopApp } from './main.js';
import { DESKTOP_CSP } from './security.js';
import { windowOptions } from './window.js';

const APP = join(tmpdir(), 'tz-app');
const PAGE = pathToFileURL(join(APP, 'dist', 'renderer', 'index.html')).href;

describe('desktop main process', () => {
  let electron: FakeElectron;
  let desktop: DesktopApp;
  beforeAll(async () => {
    electron = fakeElectron(APP);
    desktop = await startDesktop(electron, { appRoot: APP, dev: false, platform: 'linux' });
  });

  it('opens one window: context isolation, sandbox, no Node integration, web security, the bundled preload', () => {
    expect(electron.windows).toHaveLength(1);
    const prefs = electron.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs.preload).toBe(join(APP, 'dist-electron', 'preload.cjs'));
    expect(windowOptions({ preload: 'p' }, true).webPreferences.devTools).toBe(true);
  });

  it('loads dist/renderer/index.html and shows the window when ready', () => {
    expect(electron.windows[0]!.loaded).toBe(join(APP, 'dist', 'renderer', 'index.html'));
    expect(electron.windows[0]!.shown).toBe(true);
  });

  it('puts the strict CSP on every response, replacing any other', () => {
    let headers: Record<string, string | string[]> | undefined;
    electron.headersListener!({ url: PAGE, responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-inline'"], 'x-other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Security-Policy': [DESKTOP_CSP], 'x-other': ['1'] });
    expect(DESKTOP_CSP).toContain("default-src 'self'");
    expect(DESKTOP_CSP).toContain("script-src 'self'");
    expect(DESKTOP_CSP).toContain("object-src 'none'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('prevents navigation and redirects, denies window.open and webviews', () => {
    const contents = electron.windows[0]!.webContents;
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', PAGE)).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('hardens any other web contents the app creates too', () => {
    const other = new FakeWebContents();
    for (const l of electron.appListeners.get('web-contents-created') ?? []) l({}, other);
    expect(other.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(other.openHandler!({ url: 'about:blank' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      electron.permissionRequest!({}, permission, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(electron.permissionCheck!({}, permission)).toBe(false);
    }
  });

  it('registers ipcMain.handle for exactly every contract channel', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(Object.keys(channels).sort());
    expect(desktop.channels.sort()).toEqual(Object.keys(channels).sort());
  });

  it('answers the app page (any #route) through the console service', async () => {
    const reply = await electron.handlers.get('session.info')!(invokeEvent(`${PAGE}#/volumes`), {});
    expect(reply).toMatchObject({ ok: true, result: { grid: 'GRID01' } });
    const invalid = await electron.handlers.get('volumes.page')!(invokeEvent(PAGE), { offset: 0, limit: 1, query: { category: 'no' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('query.category') } });
  });

  it('refuses a foreign sender URL, a subframe and a destroyed frame', async () => {
    const handler = electron.handlers.get('console.execute')!;
    for (const event of [invokeEvent('https://evil.example/'), invokeEvent('file:///tmp/other/index.html'), invokeEvent(PAGE, { url: PAGE, parent: null }), invokeEvent(null)]) {
      expect(await handler(event, { line: 'FAIL CLUSTER CL0' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(desktop.service.session.journal.length).toBe(1); // nothing ran
  });

  it('pushes the service events to the page', async () => {
    const contents = electron.windows[0]!.webContents;
    contents.sent.length = 0;
    await electron.handlers.get('console.execute')!(invokeEvent(PAGE), { line: 'FAIL CLUSTER CL0' });
    expect(contents.sent.map((s) => s.channel)).toEqual(['engine.messages', 'engine.changed']);
  });

  it('file.save shows a native Save dialog and writes the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-save-'));
    electron.nextSave = join(dir, 'report');
    const reply = await electron.handlers.get('file.save')!(invokeEvent(PAGE), { kind: 'report', name: '../../etc/report.html', text: '<h1>r</h1>' });
    expect(reply).toEqual({ ok: true, result: { path: join(dir, 'report.html') } });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('<h1>r</h1>');
    expect(electron.dialogs.at(-1)).toMatchObject({ kind: 'save', options: { defaultPath: 'report.html', filters: [{ extensions: ['html'] }] } });
  });

  it('file.save writes a base64 PDF report as its bytes, offering .pdf', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-save-'));
    electron.nextSave = join(dir, 'dr-test');
    const pdf = Buffer.from('%PDF-1.4\n\u00e2\u00e3\n', 'latin1');
    const reply = await electron.handlers.get('file.save')!(invokeEvent(PAGE), { kind: 'report', name: 'dr-test.pdf', text: pdf.toString('base64'), encoding: 'base64' });
    expect(reply).toEqual({ ok: true, result: { path: join(dir, 'dr-test.pdf') } });
    expect(readFileSync(join(dir, 'dr-test.pdf')).equals(pdf)).toBe(true);
    expect(electron.dialogs.at(-1)).toMatchObject({ kind: 'save', options: { defaultPath: 'dr-test.pdf', filters: [{ extensions: ['pdf'] }] } });
  });
});

describe('desktop main process: one writer per grid database (issue 11)', () => {
  it('a second desktop app on the same user-data folder shows why and exits with status 3', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tz-desktop-data-'));
    const first = fakeElectron(APP);
    const running = await startDesktop(first, { appRoot: APP, dev: false, platform: 'linux', dataDir });
    const second = fakeElectron(APP);
    await expect(startDesktop(second, { appRoot: APP, dev: false, platform: 'linux', dataDir })).rejects.toThrow(/in use by timezero console/);
    expect(second.errors).toEqual([{ title: 'TimeZero cannot open its grid database', content: expect.stringMatching(new RegExp(`in use by timezero console \\(PID ${process.pid}`)) }]);
    expect(second.exitCode).toBe(3);
    running.service.close();
  });
});
