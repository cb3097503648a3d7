// Copy Export and Copy Export Recovery over the contract (contract/export-api.ts): the Copy Export
// view's overview (pools, stacked volumes, export history, limits) and planner, SHOW EXPORTSTATUS,
// the stand-alone libraries with their recovery status window, and the export-set shelf (save, upload,
// open). What changes the grid is a runbook line the view issues through console.execute.

import { exportOverview, planExport } from '../core/rules/copy-export/overview.js';
import { showExportStatus } from '../core/rules/copy-export/status-file.js';
import { showRecovery } from '../core/rules/recovery/recover.js';
import { showStandalone } from '../core/rules/recovery/standalone.js';
import { isoTime } from '../core/sim/time.js';
import type { Session } from '../core/session.js';
import type { Request, Response } from '../contract/api.js';
import { fail } from './errors.js';
import { mutator } from './mutator.js';
import type { ExportSetShelf } from './export-shelf.js';
import { errorMessage } from '../core/error-text.js';

/** Stacked volumes listed per library; the view virtualizes them, the total says how many there are. */
export const STACKED_LIST_LIMIT = 5_000;
const STATUS_LIMIT = 1000;

/** What the desktop adds: a native Open dialog for an export-set file. */
export interface ExportSetDesktop {
  openFile?(kind: 'exportset'): Promise<{ name: string; text: string } | null>;
}

export function exportHandlers(session: Session, shelf: ExportSetShelf, desktop: ExportSetDesktop | undefined) {
  const state = () => session.engine.state;
  const cluster = (name: string) => {
    const x = state().clusters.findIndex((c) => c.name === name);
    if (x < 0)
      fail(
        'UNKNOWN_CLUSTER',
        `cluster: no cluster ${name} (clusters: ${
          state()
            .clusters.map((c) => c.name)
            .join(', ') || 'none'
        })`,
      );
    return x;
  };
  return {
    // The engine's read-only picture and planner (core/rules/copy-export/overview.ts), shaped as the contract's.
    'export.overview': (): Response<'export.overview'> => exportOverview(state(), { stackedLimit: STACKED_LIST_LIMIT }),
    'export.plan': ({ cluster: name, pool, lmtdbpvl }: Request<'export.plan'>): Response<'export.plan'> => planExport(state(), cluster(name), pool, { lmtdbpvl }),
    // One list volume can serve several exports: `run` names which one's status file (default: the latest).
    'export.status': ({ volser, limit, run }: Request<'export.status'>) => showExportStatus(state(), volser, null, limit ?? STATUS_LIMIT, run),
    'recovery.status': (): Response<'recovery.status'> =>
      state().tape.standalones.map((sa) => ({
        library: showStandalone(sa),
        recovery: showRecovery(state(), sa),
        stackedVolumes: sa.physical.pvols
          .filter((p) => p.location === 'library' && p.state !== 'empty')
          .slice(0, STACKED_LIST_LIMIT)
          .map((p) => {
            const db = p.dbBackup === null ? undefined : state().tape.databases[p.dbBackup];
            return {
              pvol: p.volser,
              pool: p.pool,
              state: p.state,
              source: p.source,
              dbBackup: db !== undefined,
              databaseTime: db ? isoTime(db.time) : null,
              exported: p.exportedAt === null ? null : isoTime(p.exportedAt),
              logicalVolumes: p.activeCount,
            };
          }),
      })),
    'exportset.list': () => shelf.list(),
    'exportset.read': ({ name }: Request<'exportset.read'>) => ({ name, text: shelf.text(name) }),
    'exportset.upload': mutator(({ name, text }: Request<'exportset.upload'>) => shelf.put(name, text, 'uploaded')),
    'exportset.open': async (): Promise<Response<'exportset.open'>> => {
      if (!desktop?.openFile) fail('UNSUPPORTED', 'opening a file needs the desktop app: the web console uploads instead');
      let file: { name: string; text: string } | null;
      try {
        file = await desktop.openFile('exportset');
      } catch (error) {
        fail('CANNOT_READ', `export set file: ${errorMessage(error)}`);
      }
      if (!file) return null;
      return shelf.put(file.name, file.text, 'opened');
    },
  };
}
