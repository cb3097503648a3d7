// Said once on open when the previous run on this database did not stop cleanly (killed, crashed, power
// lost): who was running, how many commands the journal kept (the grid is rebuilt from exactly those),
// the last of them, and what the restart did for the simulated library (a power-off restart of an
// exporting cluster reports E0022; E0023 follows once the recovery time has passed).

import { useState } from 'react';
import { describePreviousRun } from '../lib/previous-run';
import { useStore } from '../state/store';

export function PreviousRunNotice() {
  const run = useStore((s) => s.info?.previousRun ?? null);
  const [dismissed, setDismissed] = useState(false);
  if (!run || dismissed) return null;
  return (
    <section className="notice" role="status" aria-label="Previous run" data-testid="previous-run">
      <strong>Recovered after an abnormal end.</strong> <span>{describePreviousRun(run)}</span>
      <button type="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </section>
  );
}
