// The console window's options in one place, so a test can read every security-relevant flag:
// isolated, sandboxed, no Node in the page (Electron security checklist §2–4, §6, §14).

import type { BrowserWindowOptions } from './electron-types.js';

export function windowOptions(paths: { preload: string }, dev = false): BrowserWindowOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'TimeZero',
    show: false, // shown on ready-to-show: no white flash
    backgroundColor: '#12161c',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: dev,
    },
  };
}
