// Saving the DR test report (Redbook §11.9; seed 000): report.drTest renders it on the engine host as
// HTML or PDF; the desktop app writes it through its native Save dialog (file.save, a PDF as base64),
// a browser downloads it — the same two paths the Runbooks view uses for a runbook.

import type { Response } from '../../../contract/api';
import { client } from '../../api/client';
import { reportError, tracked } from '../../state/actions';
import { FLASH_WIZARD } from './wizard-form';

export type ReportFormat = 'html' | 'pdf';

/** What became of a save: the file name, and where it went (a path, a download, or cancelled). */
export interface Saved {
  name: string;
  outcome: 'saved' | 'downloaded' | 'cancelled';
  path: string | null;
}

function download(report: Response<'report.drTest'>): void {
  const body = report.base64 !== undefined ? Uint8Array.from(atob(report.base64), (c) => c.charCodeAt(0)) : (report.text ?? '');
  const url = URL.createObjectURL(new Blob([body], { type: report.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = report.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** family null: the report of the Redbook §11.10 procedure (no DR family) in progress or last run. */
export async function saveDrReport(family: string | null, drHost: string, format: ReportFormat): Promise<Saved | null> {
  try {
    const report = await tracked(() => client().call('report.drTest', family === null ? { drHost, format } : { family, drHost, format }));
    if (client().kind !== 'electron') {
      download(report);
      return { name: report.name, outcome: 'downloaded', path: null };
    }
    const binary = report.base64 !== undefined;
    const { path } = await client().call('file.save', { kind: 'report', name: report.name, text: binary ? report.base64! : (report.text ?? ''), encoding: binary ? 'base64' : 'utf8' });
    return { name: report.name, outcome: path ? 'saved' : 'cancelled', path };
  } catch (error) {
    reportError(error, `saving the DR test report${family === null ? '' : ` of ${family}`} as ${format.toUpperCase()}`);
    return null;
  }
}

/**
 * File > Save Report in the desktop app: the DR test report (HTML) of the wizard's test — a Redbook
 * §11.10 procedure's, or the FlashCopy test's family — else of the first DR family, for the wizard's
 * DR host or the grid's first DR host.
 */
export async function saveReportFromMenu(
  wizardRun: { wizardId?: string | undefined; params: { family?: string | undefined; drHost: string } } | null,
  drHosts: string[],
  pushError: (code: string, message: string) => void,
): Promise<void> {
  try {
    if (wizardRun?.wizardId && wizardRun.wizardId !== FLASH_WIZARD) {
      await saveDrReport(null, wizardRun.params.drHost, 'html');
      return;
    }
    const families = (await client().call('dr.families', {})).map((f) => (f.family as { name?: string } | null)?.name).filter((n): n is string => typeof n === 'string');
    const family = wizardRun?.params.family && families.includes(wizardRun.params.family) ? wizardRun.params.family : families[0];
    const drHost = wizardRun?.params.drHost ?? drHosts[0];
    if (!family || !drHost) {
      pushError('NO_REPORT', 'There is no DR test report to save: define a DR family (DR Families view) and run a test first.');
      return;
    }
    await saveDrReport(family, drHost, 'html');
  } catch (error) {
    reportError(error, 'File > Save Report');
  }
}
