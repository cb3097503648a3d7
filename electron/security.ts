// What the page may load and do: a strict Content-Security-Policy on every response, no navigation
// away from the app, no new windows, no webviews, no permissions (Electron security checklist §7,
// §5, §11–13). Applied to every web contents the app creates, not just the main window.

import type { Session, WebContents } from './electron-types.js';

export const DESKTOP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

/** What the app may load: its own files, and inline data it made itself. Everything else is remote. */
export function isLocalUrl(url: string): boolean {
  return /^(file|data|blob|devtools|chrome-extension):/i.test(url);
}

export function installSessionSecurity(session: Session): void {
  // No remote content, whatever the page or a dependency asks for: the request never leaves the machine.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    headers['Content-Security-Policy'] = [DESKTOP_CSP];
    callback({ responseHeaders: headers });
  });
  // The console needs no camera, notifications, clipboard-read, geolocation, …: refuse them all.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenContents(contents: WebContents): void {
  // The app is one page with in-page routes: any navigation is an attack or an accident.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
