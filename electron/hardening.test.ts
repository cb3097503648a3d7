// The hardening audit of issue 8 part 1, in one place: each property the console's security rests on
// has an assertion here that fails if it regresses (Electron security checklist; STYLE: validate every
// IPC payload). main.test.ts covers the same shell feature by feature; web-server.test.ts covers web
// mode's loopback binding, token and Origin checks, summarised at the end.

import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, MAX_PAYLOAD_BYTES, type Channel } from '../contract/api.js';
import { contentSecurityPolicy, LOOPBACK } from '../host/web-server.js';
import { fakeElectron, FakeWebContents, invokeEvent, type FakeElectron } from './fake-electron.js';
import { startDesktop, type DesktopApp } from './main.js';
import { DESKTOP_CSP, isLocalUrl } from './security.js';

const APP = join(tmpdir(), 'tz-hardening');
const PAGE = pathToFileURL(join(APP, 'dist', 'renderer', 'index.html')).href;
const CHANNELS = Object.keys(channels) as Channel[];

describe('desktop hardening audit', () => {
  let electron: FakeElectron;
  let desktop: DesktopApp;
  beforeAll(async () => {
    electron = fakeElectron(APP);
    desktop = await startDesktop(electron, { appRoot: APP, dev: false, platform: 'linux' });
  });

  it('the window: context isolation, sandbox, no Node integration anywhere, no webview tag, web security on', () => {
    const prefs = electron.windows[0]!.options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('a strict CSP: own files only, nothing inline or evaluated, no remote origin', () => {
    const directives = new Map(
      DESKTOP_CSP.split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([name, ...values]) => [name, values]),
    );
    for (const name of ['default-src', 'script-src', 'style-src', 'connect-src', 'font-src']) expect(directives.get(name), name).toEqual(["'self'"]);
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) expect(directives.get(name), name).toEqual(["'none'"]);
    expect(DESKTOP_CSP).not.toMatch(/unsafe-|\*|https?:|wss?:|ftp:/);
    // The page's own meta CSP (used in web mode, where the host is the loopback server) is as strict.
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
    expect(meta).not.toMatch(/unsafe-|https?:|(?<!ws:\/\/(127\.0\.0\.1|localhost):)\*/);
    expect(meta.match(/ws:\/\/[^\s;]+/g)).toEqual(['ws://127.0.0.1:*', 'ws://localhost:*']);
  });

  it('no remote content: every request leaving the machine is cancelled before it is made', () => {
    const cancelled = (url: string) => {
      let answer: { cancel?: boolean } | undefined;
      electron.requestListener!({ url }, (response) => (answer = response));
      return answer?.cancel;
    };
    for (const url of [
      'https://cdn.example.com/lib.js',
      'http://127.0.0.1:8080/',
      'ws://evil.example/socket',
      'wss://x.example/',
      'ftp://files.example/a',
      '//evil.example/x',
      'javascript:alert(1)',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
    for (const url of [PAGE, `${PAGE}#/volumes`, pathToFileURL(join(APP, 'dist', 'renderer', 'assets', 'index.js')).href, 'data:image/png;base64,AAAA', 'blob:file:///1234']) {
      expect(cancelled(url), url).toBe(false);
    }
    expect(isLocalUrl('HTTPS://EXAMPLE.COM')).toBe(false);
  });

  it('navigation, redirects, new windows and webviews are denied in every web contents', () => {
    for (const contents of [electron.windows[0]!.webContents, new FakeWebContents()]) {
      for (const l of electron.appListeners.get('web-contents-created') ?? []) l({}, contents);
      expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
      expect(contents.fire('will-navigate', PAGE)).toBe(true);
      expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
      expect(contents.fire('will-attach-webview')).toBe(true);
      expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      expect(contents.openHandler!({ url: PAGE })).toEqual({ action: 'deny' });
    }
  });

  it('every permission request and check is denied', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'unknown',
    ]) {
      let granted: boolean | null = null;
      electron.permissionRequest!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(electron.permissionCheck!({}, permission), permission).toBe(false);
    }
  });

  it('every IPC channel verifies its sender: a foreign page, a subframe or a destroyed frame reaches no handler', async () => {
    const spies = CHANNELS.map((c) => vi.spyOn(desktop.service.handlers, c));
    for (const channel of CHANNELS) {
      for (const event of [invokeEvent('https://evil.example/'), invokeEvent(`${PAGE}.evil`), invokeEvent(PAGE, { url: PAGE, parent: null }), invokeEvent(null)]) {
        expect(await electron.handlers.get(channel)!(event, {}), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      }
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    spies.forEach((s) => s.mockRestore());
  });

  it('every IPC payload is validated by the contract before any handler runs: wrong shapes, unknown keys, oversized', async () => {
    // Every request schema is a strict object: an unknown key is an error, never silently dropped.
    for (const channel of CHANNELS)
      expect((channels[channel].request as unknown as { _zod: { def: { catchall?: { _zod: { def: { type: string } } } } } })._zod.def.catchall?._zod.def.type, channel).toBe('never');
    const spies = CHANNELS.map((c) => vi.spyOn(desktop.service.handlers, c));
    const hostile: unknown[] = [
      null,
      undefined,
      'SHOW GRID',
      42,
      [],
      [{}],
      { __proto__: { polluted: true }, smuggled: 1 },
      { constructor: { prototype: {} } },
      { line: 'FAIL CLUSTER CL0', extra: true },
    ];
    for (const channel of CHANNELS) {
      for (const payload of hostile) {
        const reply = (await electron.handlers.get(channel)!(invokeEvent(PAGE), payload)) as { ok: boolean; error?: { code: string; message: string } };
        expect(reply.ok, `${channel} accepted ${JSON.stringify(payload)}`).toBe(false);
        expect(reply.error!.code).toBe('BAD_REQUEST');
        expect(reply.error!.message.startsWith(`${channel}: `)).toBe(true);
      }
      const huge = (await electron.handlers.get(channel)!(invokeEvent(PAGE), { text: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) })) as { error: { code: string } };
      expect(huge.error.code, channel).toBe('PAYLOAD_TOO_LARGE');
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    spies.forEach((s) => s.mockRestore());
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('web mode listens on the loopback address only, and its CSP reaches nothing else (token and Origin checks: host/web-server.test.ts)', () => {
    expect(LOOPBACK).toBe('127.0.0.1');
    const csp = contentSecurityPolicy(5170);
    expect(csp).not.toMatch(/unsafe-|\*|https?:|wss:|ftp:/);
    expect(csp.match(/ws:\/\/[^\s;]+/g)).toEqual(['ws://127.0.0.1:5170']);
  });
});
