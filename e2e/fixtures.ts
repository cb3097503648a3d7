// Fixtures for the web-mode specs: each spec file starts its own engine host
// (`node scripts/web.mjs --port 0 --memory`, a fresh in-memory session) and stops it after its last test;
// `openConsole` opens the page at the URL the host printed and waits until the grid is shown.

import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');
const READY = /TimeZero console: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/;
const START_TIMEOUT_MS = 30_000;

export interface ConsoleServer {
  url: string;
  port: number;
  token: string;
  /** everything the host printed, for failure reports */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `scripts/web.mjs --port 0 --memory`: a fresh in-memory grid. TZ_DATA_DIR points at a
 * temporary folder so nothing a test does reaches the operator's own data folder. `args` other than
 * the default `--memory`: [] keeps the grid in SQLite in that folder (with its backups beside it).
 */
export async function startConsoleServer(args: string[] = ['--memory'], keepDataDir?: string): Promise<ConsoleServer> {
  // keepDataDir: a folder the caller owns and removes, so a second host can open the same database (a restart).
  const dataDir = keepDataDir ?? mkdtempSync(join(tmpdir(), 'timezero-e2e-'));
  const cleanUp = () => (keepDataDir ? undefined : rmSync(dataDir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, TZ_DATA_DIR: dataDir };
  delete env.TZ_PORT;
  const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts/web.mjs'), '--port', '0', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
  };
}

/**
 * One engine host per spec file: started before its first test, stopped after its last, so each file
 * begins from a fresh session and tests within a file see each other's changes (run them in order).
 */
export function useConsoleServer(args?: string[]): { readonly url: string; readonly server: ConsoleServer } {
  let server: ConsoleServer | null = null;
  base.beforeAll(async () => {
    server = await startConsoleServer(args);
  });
  base.afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('the web host is not running');
      return server.url;
    },
    get server() {
      if (!server) throw new Error('the web host is not running');
      return server;
    },
  };
}

export const VIEW_LINKS = ['Topology', 'Volumes', 'Copy Queues', 'DR Families', 'Copy Export', 'Recovery', 'Host DASD', 'Runbooks', 'Reports', 'Console'] as const;
export type ViewName = (typeof VIEW_LINKS)[number];

/** Opens the console and waits until it is connected and shows a grid. */
export async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByText('Connected', { exact: true })).toBeVisible();
  await expect(page.getByTestId('grid-name')).not.toHaveText('no grid loaded');
}

/** Goes to a view through the Views nav, the way an operator does. */
export async function goTo(page: Page, view: ViewName): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: view, exact: true })).toBeVisible();
}

/** Types a line into the Host Console and waits for its record. */
export async function runInConsole(page: Page, line: string): Promise<void> {
  await goTo(page, 'Console');
  const input = page.getByRole('textbox', { name: 'Command' });
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByRole('log', { name: 'Console output' }).locator('.record-command', { hasText: line }).last()).toBeVisible();
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

export const test = base;
export { expect };
