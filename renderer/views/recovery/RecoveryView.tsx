// Recovery: the Copy Export Recovery wizard (Redbook §11.7), step by step as §11.7.2 lists them — the
// stand-alone library, erase if needed, set up, load the exported stacked volumes (or, offline, an
// export-set file), recover, follow the status window, then the results and the post-recovery
// checklist of §11.7.2–11.7.3. Each action is a runbook line through the Console path.

import { useEffect, useId, useState } from 'react';
import { client } from '../../api/client';
import { IssuedPanel } from '../../components/IssuedPanel';
import { useIssue } from '../../components/use-issue';
import { useStore } from '../../state/store';
import { useChannel } from '../copy-export/use-channel';
import { LibraryStep } from './LibraryStep';
import { LoadStep } from './LoadStep';
import type { RecoveryView as Recovery, StandaloneView } from '../../../contract/export-api';
import { StatusWindow } from './StatusWindow';
import { EraseStep, RecoverStep, ResultsStep, SetupStep } from './Steps';
import '../copy-export/copy-export.css';
import './recovery.css';

const STEPS = [
  { title: 'Recovery library', source: '§11.7.1, §11.7.2 step 1' },
  { title: 'Empty the library', source: '§11.7.2 steps 2–4' },
  { title: 'Set up', source: '§11.7.2 step 5' },
  { title: 'Load the exported volumes', source: '§11.7.2 step 6' },
  { title: 'Recover', source: '§11.7.2 steps 7–9' },
  { title: 'Recovery status', source: '§11.7.2 step 10' },
  { title: 'Results and checklist', source: '§11.7.2 steps 11–13, §11.7.3' },
] as const;

const loadStatus = () => client().call('recovery.status', {});

/** Where the wizard picks up: the first step the library's state has not done yet. */
function stepFor(library: StandaloneView | undefined, recovery: Recovery | undefined, loaded: number): number {
  if (!library) return 0;
  if (recovery?.operation === 'RECOVER') return recovery.status === 'in progress' ? 5 : 6;
  if (!library.empty) return 1;
  return loaded > 0 ? 4 : 3;
}

export function RecoveryView() {
  const id = useId();
  const pending = useStore((s) => s.pending);
  // A stand-alone library is not part of a grid: the wizard works on a console with no grid loaded too.
  const { data: status } = useChannel(loadStatus, 'recovery.status');
  const { data: sets, reload: reloadSets } = useChannel(() => client().call('exportset.list', {}), 'exportset.list');
  const { data: overview } = useChannel(() => client().call('export.overview', {}), 'export.overview');
  const { issue, last } = useIssue('Recovery');
  const [selected, setSelected] = useState<string | null>(null);
  const [step, setStep] = useState<number | null>(null);
  const row = status?.find((r) => r.library.name === selected) ?? status?.[status.length - 1];
  const library = row?.library;
  const loaded = (row?.stackedVolumes ?? []).filter((p) => p.state === 'copy-exported');
  const suggested = stepFor(library, row?.recovery, loaded.length);
  const current = step ?? suggested;
  const busy = pending > 0;
  const issueOk = async (line: string) => {
    const out = await issue(line);
    const ok = out !== null && out.errors.length === 0 && out.records.every((r) => r.ok);
    if (ok) reloadSets();
    return { ok };
  };
  // A running job moves the wizard to its status window; a finished recovery to its results.
  const jobKey = `${library?.name}/${library?.job?.kind}/${library?.job?.status}`;
  useEffect(() => {
    if (library?.job?.status === 'in progress' && library.job.kind === 'RECOVER') setStep(5);
    else if (library?.job?.kind === 'RECOVER' && library.job.status === 'completed') setStep((s) => (s === 5 ? 6 : s));
    // jobKey names exactly the job fields read above: the step moves when one of them changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobKey]);

  const sources = (overview?.libraries ?? []).filter((l) => l.copyExported > 0).map((l) => ({ cluster: l.cluster, ejected: l.ejectedCopyExported }));

  return (
    <section className="view recovery" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Recovery</h1>
        <p className="muted small">Copy Export Recovery into a stand-alone library (Redbook §11.7), in DR test mode or for real.</p>
      </div>
      {!status ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="rc-body">
          <nav className="rc-steps" aria-label="Recovery steps">
            <ol>
              {STEPS.map((s, i) => (
                <li key={s.title}>
                  <button
                    type="button"
                    className={`rc-step-link${i === current ? ' is-current' : ''}${i < suggested ? ' is-done' : ''}`}
                    aria-current={i === current ? 'step' : undefined}
                    disabled={i > 0 && !library}
                    onClick={() => setStep(i)}
                  >
                    <span className="rc-step-no">{i + 1}</span> {s.title}
                    {i < suggested ? <span className="sr-only"> (done)</span> : null}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <div className="rc-main">
            <section className="panel rc-step" aria-labelledby={`${id}-step`}>
              <div className="panel-head">
                <h2 id={`${id}-step`}>
                  Step {current + 1}: {STEPS[current]!.title}
                </h2>
                <span className="small muted">Redbook {STEPS[current]!.source}</span>
              </div>
              {current === 0 || !library ? (
                <LibraryStep libraries={status.map((r) => r.library)} selected={library?.name ?? null} onSelect={(name) => (setSelected(name), setStep(1))} busy={busy} issue={issueOk} />
              ) : current === 1 ? (
                <EraseStep library={library} busy={busy} issue={issueOk} />
              ) : current === 2 ? (
                <SetupStep library={library} />
              ) : current === 3 ? (
                <LoadStep library={library.name} empty={library.empty} sets={sets ?? []} sources={sources} loaded={loaded} busy={busy} issue={issueOk} onShelfChanged={reloadSets} />
              ) : current === 4 ? (
                <RecoverStep library={library} loaded={loaded} busy={busy} issue={issueOk} />
              ) : current === 5 ? (
                row?.recovery.operation ? (
                  <p className="small">The status window below follows the recovery task by task.</p>
                ) : (
                  <p className="muted">Nothing is running in {library.name}.</p>
                )
              ) : (
                <ResultsStep library={library.name} recovery={row?.recovery ?? null} busy={busy} issue={issueOk} />
              )}
              {library && current < STEPS.length - 1 ? (
                <div className="button-row rc-nav">
                  {current > 0 ? (
                    <button type="button" onClick={() => setStep(current - 1)}>
                      Back
                    </button>
                  ) : null}
                  <button type="button" onClick={() => setStep(current + 1)}>
                    Next: {STEPS[current + 1]!.title}
                  </button>
                </div>
              ) : null}
            </section>
            <IssuedPanel last={last} />
            {library && row ? <StatusWindow library={library.name} recovery={row.recovery} busy={busy} /> : null}
          </div>
        </div>
      )}
    </section>
  );
}
