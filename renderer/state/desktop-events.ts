// Desktop-only events: File > Open runbook hands the editor a file (runbook.opened); menu items the
// console acts on (app.menu). In web mode nothing sends them.

import { client } from '../api/client';
import { saveRunbook } from './runbook-actions';
import { useStore } from './store';
import type { GridView } from '../../contract/show-api';
import { saveReportFromMenu } from '../views/dr-families/report-save';
import { useWizard } from '../views/dr-families/wizard-store';

const drHostsOf = (grid: GridView | null) => (grid ? grid.hosts.filter((h) => h.role === 'DR').map((h) => h.name) : []);

let wired = false;

export const ADVANCE_BY_ID = 'advance-by';

export function wireDesktopEvents(): void {
  if (wired) return;
  wired = true;
  const c = client();
  c.on('runbook.opened', ({ name, text }) => {
    useStore.getState().openRunbook(name, text);
    location.hash = '#/runbooks';
  });
  c.on('app.menu', ({ action }) => {
    switch (action) {
      case 'save-runbook':
        void saveRunbook();
        break;
      case 'advance-time':
        document.getElementById(ADVANCE_BY_ID)?.focus();
        break;
      case 'save-report':
        void saveReportFromMenu(useWizard.getState().state?.run ?? null, drHostsOf(useStore.getState().grid), useStore.getState().pushError);
        break;
    }
  });
}
