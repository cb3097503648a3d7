// Wizard step 4 (Redbook §11.7.2 step 6): load the copy-exported stacked volumes. "All of the exported
// stacked volumes from the source TS7740 must be loaded into the library" — carried from a cluster of
// this grid (TRANSPORT), or, for an offline rehearsal, from an export-set file saved on any console:
// uploaded in a browser, opened with the native dialog on the desktop, then LOAD EXPORTSET.

import { useId, useRef, useState } from 'react';
import type { ExportSetEntryDto } from '../../../contract/export-api';
import { client } from '../../api/client';
import { bytes, count, showTime } from '../../lib/format';
import { reportError } from '../../state/actions';
import { openExportSetFile, uploadExportSetFile } from '../copy-export/exportset-files';

export interface LoadedVolume {
  pvol: string;
  pool: number;
  source: string | null;
  dbBackup: boolean;
  databaseTime: string | null;
  exported: string | null;
  logicalVolumes: number;
}

interface Props {
  library: string;
  empty: boolean;
  sets: ExportSetEntryDto[];
  sources: { cluster: string; ejected: number }[];
  loaded: LoadedVolume[];
  busy: boolean;
  issue: (line: string) => Promise<{ ok: boolean }>;
  onShelfChanged: () => void;
}

export function LoadStep({ library, empty, sets, sources, loaded, busy, issue, onShelfChanged }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const set = sets.find((s) => s.name === chosen) ?? sets[0] ?? null;
  const desktop = client().kind === 'electron';

  async function bringIn(work: () => Promise<ExportSetEntryDto | null>) {
    setNote(null);
    try {
      const entry = await work();
      if (!entry) return;
      setChosen(entry.name);
      setNote(`${entry.name}: ${entry.stackedVolumes} stacked volume(s) from ${entry.library}${entry.grid ? ` of ${entry.grid}` : ''}, saved ${showTime(entry.savedAt)}; checksum verified.`);
      onShelfChanged();
    } catch (e) {
      reportError(e, 'export set file');
    }
  }

  return (
    <div>
      {!empty ? <p className="bad">{library} holds data: erase it first (step 2). Copy-exported volumes must not be loaded into a library that is not empty (§11.7.1).</p> : null}
      <p className="small">Load every exported stacked volume of the source; do not add physical scratch cartridges now, add them after the recovery (§11.7.1, §11.7.2 step 6).</p>
      <fieldset>
        <legend>Offline rehearsal: an export-set file</legend>
        <div className="button-row">
          {desktop ? (
            <button type="button" disabled={busy} onClick={() => void bringIn(openExportSetFile)}>
              Open export set file…
            </button>
          ) : (
            <>
              <label htmlFor={`${id}-file`}>Export set file to upload</label>
              <input
                ref={input}
                id={`${id}-file`}
                type="file"
                accept=".tzset,.txt,text/plain"
                disabled={busy}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void bringIn(() => uploadExportSetFile(file)).finally(() => input.current && (input.current.value = ''));
                }}
              />
            </>
          )}
        </div>
        {note ? (
          <p className="ok small" role="status">
            {note}
          </p>
        ) : null}
        {sets.length > 0 ? (
          <table className="table compact">
            <caption className="small">Export sets kept by this console</caption>
            <thead>
              <tr>
                <th scope="col">Load</th>
                <th scope="col">File</th>
                <th scope="col">Source</th>
                <th scope="col">Saved</th>
                <th scope="col">Stacked volumes</th>
                <th scope="col">Size</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={s.name}>
                  <td>
                    <input type="radio" name={`${id}-set`} aria-label={`Load ${s.name}`} checked={set?.name === s.name} onChange={() => setChosen(s.name)} />
                  </td>
                  <th scope="row" className="mono">
                    {s.name}
                  </th>
                  <td>
                    {s.library}
                    {s.grid ? ` (${s.grid})` : ''}
                  </td>
                  <td>{showTime(s.savedAt)}</td>
                  <td>{count(s.stackedVolumes)}</td>
                  <td>{bytes(s.bytes)}</td>
                  <td>{s.origin}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted small">No export set yet: save one in the Copy Export view of the exporting console, then bring the file here.</p>
        )}
        <div className="button-row">
          <button type="button" disabled={busy || !set || !empty} onClick={() => set && void issue(`LOAD EXPORTSET ${set.name} INTO ${library}`)}>
            Load {set ? set.name : 'the export set'} into {library}
          </button>
        </div>
      </fieldset>
      {sources.length > 0 ? (
        <fieldset>
          <legend>Or carry the cartridges from a cluster of this grid</legend>
          <div className="button-row">
            {sources.map((s) => (
              <button key={s.cluster} type="button" disabled={busy || !empty || s.ejected === 0} onClick={() => void issue(`TRANSPORT EXPORTED FROM ${s.cluster} TO ${library}`)}>
                Transport {s.ejected} ejected volume(s) from {s.cluster}
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
      <h3>Loaded in {library}</h3>
      {loaded.length === 0 ? (
        <p className="muted">No copy-exported stacked volume is loaded yet.</p>
      ) : (
        <table className="table compact" data-testid="loaded-volumes">
          <caption className="sr-only">Stacked volumes loaded in {library}</caption>
          <thead>
            <tr>
              <th scope="col">Stacked volume</th>
              <th scope="col">Pool</th>
              <th scope="col">Source</th>
              <th scope="col">Exported</th>
              <th scope="col">Logical vols</th>
              <th scope="col">Database backup</th>
            </tr>
          </thead>
          <tbody>
            {loaded.map((p) => (
              <tr key={p.pvol}>
                <th scope="row" className="mono">
                  {p.pvol}
                </th>
                <td>{p.pool}</td>
                <td>{p.source ?? '—'}</td>
                <td>{showTime(p.exported)}</td>
                <td>{count(p.logicalVolumes)}</td>
                <td>{p.dbBackup ? `yes, of ${showTime(p.databaseTime)}` : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
