// The built renderer (dist/renderer from `vite build`) as files: safe path resolution inside the
// root, content types, index.html for client-side routes, and the token handed to the page in a
// <meta> tag (no inline script: the CSP forbids them).

import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.runbook': 'text/plain; charset=utf-8',
};

export const TOKEN_META = 'timezero-token';

export interface StaticFile {
  body: Buffer;
  type: string;
  html: boolean;
}

/** The file a URL path names inside root, index.html for extension-less routes, or null. */
export async function loadStatic(root: string, pathname: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const wanted = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(base, wanted);
  if (file !== base && !file.startsWith(base + sep)) return null;
  const found = await readIfFile(file);
  if (found) return found;
  // A client-side route such as /volumes: the app shell answers it.
  if (extname(wanted) === '') return readIfFile(join(base, 'index.html'));
  return null;
}

async function readIfFile(file: string): Promise<StaticFile | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return { body: await readFile(file), type, html: type.startsWith('text/html') };
  } catch {
    return null;
  }
}

/** Puts the launch token in the page head, where the renderer's client reads it. */
export function withTokenMeta(html: Buffer, token: string): Buffer {
  const text = html.toString('utf8');
  const meta = `<meta name="${TOKEN_META}" content="${token}">`;
  const head = /<head[^>]*>/i.exec(text);
  const out = head ? text.slice(0, head.index + head[0].length) + meta + text.slice(head.index + head[0].length) : meta + text;
  return Buffer.from(out, 'utf8');
}
