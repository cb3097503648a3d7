// Fixtures for the web-mode specs: every test gets its own engine host (`scripts/web.mjs --port 0
// --memory` as bundled by e2e/global-setup.ts, a fresh session) with its own temporary data folder,
// and its own page, so tests pass alone and in any order; a test that needs a prepared grid prepares
// it itself. `openConsole` opens the page at the URL the host printed and waits until the grid is shown.

import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WEB_HOST_BUNDLE, root } from './web-host';

export { root };
const READY = /TimeZero console: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/;
const START_TIMEOUT_MS = 30_000;

export interface ConsoleServer {
  url: string;
  port: number;
  token: string;
  /** everything the host printed, for failure reports */
  log(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a power loss would end it; a data folder given by the caller stays */
  kill(): Promise<void>;
}

/**
 * Starts `scripts/web.mjs --port 0 --memory` (its bundle, e2e/web-host.ts): a fresh in-memory grid.
 * TZ_DATA_DIR points at a temporary folder so nothing a test does reaches the operator's own data
 * folder. `args` other than the default `--memory`: [] keeps the grid in SQLite in that folder (with
 * its backups beside it).
 */
export async function startConsoleServer(args: string[] = ['--memory'], options: { dataDir?: string } = {}): Promise<ConsoleServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'timezero-e2e-'));
  const cleanUp = () => {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const env: NodeJS.ProcessEnv = { ...process.env, TZ_DATA_DIR: dataDir };
  delete env.TZ_PORT;
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', WEB_HOST_BUNDLE, '--port', '0', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = READY.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      cleanUp();
      reject(new Error(`web host exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return {
    url: ready[1]!,
    port: Number(ready[2]),
    token: ready[3]!,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          cleanUp();
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

export interface HostFixtures {
  /** the test's own engine host, started before it and stopped after it */
  host: ConsoleServer;
  /** another engine host of its own (in memory), for a test of two consoles that share nothing */
  secondHost: ConsoleServer;
}

export interface HostOptions {
  /** the host's arguments: `--memory` (the default) or [] for a grid kept in SQLite in its data folder */
  hostArgs: string[];
}

export const VIEW_LINKS = ['Topology', 'Volumes', 'Copy Queues', 'DR Families', 'Copy Export', 'Recovery', 'Host DASD', 'Policies', 'Workload', 'Your Grid', 'Runbooks', 'Reports', 'Console'] as const;
export type ViewName = (typeof VIEW_LINKS)[number];

/** Opens the console and waits until it is connected and shows a grid. */
export async function openConsole(page: Page, url: string): Promise<void> {
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(url);
  await expect(page.getByText('Connected', { exact: true })).toBeVisible();
  // Issue 11 item 8: the token is kept in no cookie (one for 127.0.0.1 would reach every local
  // service) and the WebSocket offers it as a subprotocol, not in its URL.
  expect(await page.context().cookies()).toEqual([]);
  expect(sockets.length).toBeGreaterThan(0);
  for (const socket of sockets) expect(socket).not.toContain('token');
  await expect(page.getByTestId('grid-name')).not.toHaveText('no grid loaded');
}

/** Goes to a view through the Views nav, the way an operator does. */
export async function goTo(page: Page, view: ViewName): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: view, exact: true })).toBeVisible();
}

/** Types a line into the Host Console and waits for its record; a destructive line's question is answered yes. */
export async function runInConsole(page: Page, line: string): Promise<void> {
  await goTo(page, 'Console');
  const input = page.getByRole('textbox', { name: 'Command' });
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  const record = page.getByRole('log', { name: 'Console output' }).locator('.record-command', { hasText: line }).last();
  await confirmIfAsked(page, record);
  await expect(record).toBeVisible();
}

/** Answers the ConfirmDialog with its confirming button if it opens before `then` shows (a destructive line asks first). */
export async function confirmIfAsked(page: Page, then: ReturnType<Page['locator']>): Promise<void> {
  const dialog = page.getByRole('alertdialog').and(page.locator('dialog.confirm-dialog'));
  await expect(then.or(dialog).first()).toBeVisible();
  if (await dialog.isVisible()) await dialog.locator('button.danger').click();
}

/** axe-core on the current page: violations of serious or critical impact (of the given rules only, if any). */
export async function seriousViolations(page: Page, rules?: string[]) {
  const builder = new AxeBuilder({ page });
  if (rules) builder.withRules(rules);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

export const test = base.extend<HostFixtures & HostOptions>({
  hostArgs: [['--memory'], { option: true }],
  host: async ({ hostArgs }, use) => {
    await useServer(hostArgs, use);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
  secondHost: async ({}, use) => {
    await useServer(['--memory'], use);
  },
});

async function useServer(args: string[], use: (server: ConsoleServer) => Promise<void>): Promise<void> {
  const server = await startConsoleServer(args);
  try {
    await use(server);
  } finally {
    await server.stop();
  }
}
export { expect };
