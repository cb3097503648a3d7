// Desktop-only events: File > Open runbook hands the editor a file (runbook.opened); menu items the
// console acts on (app.menu). In web mode nothing sends them.

import { client } from '../api/client';
import { saveRunbook } from './runbook-actions';
import { useStore } from './store';

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
        useStore.getState().pushError('NO_REPORT', 'There is no report to save yet: DR test reports come with the DR Families view.');
        break;
    }
  });
}
