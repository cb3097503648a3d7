// Backups: a header button opening a modal dialog that lists the grid database's automatic backups
// (taken before ERASE, RECOVER, LOAD EXPORTSET and a grid loaded over the current one) and restores
// one after a confirmation. A native <dialog>: focus moves in and back, Escape closes it.

import { useRef, useState } from 'react';
import type { Response } from '../../contract/api';
import { client } from '../api/client';
import { reportError, scheduleRefresh } from '../state/actions';
import { useConfirm } from './ConfirmDialog';
import { utcTime } from '../lib/format';

type Listing = Response<'backup.list'>;
type Entry = Listing['backups'][number];

const REASONS: Record<string, string> = {
  'new-grid': 'a new grid',
  sample: 'a sample grid',
  'grid-file': 'a grid file',
  erase: 'ERASE',
  recover: 'RECOVER',
  'load-exportset': 'LOAD EXPORTSET',
  'before-restore': 'a restore',
  'write-takeover': 'a write takeover',
  'family-remove': 'a removal from a DR family',
};

function size(bytes: number): string {
  return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function BackupsButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [listing, setListing] = useState<Listing | null>(null);
  const [confirmDialog, ask] = useConfirm();
  const setConfirm = (entry: Entry | null) => {
    if (!entry) return;
    void ask({
      title: `Restore the backup taken ${utcTime(entry.createdAt)}?`,
      loses: [
        `replace the current grid with the one saved before ${REASONS[entry.reason] ?? entry.reason} (${entry.commands} commands, the last ${entry.lastCommand ?? 'none'})`,
        'drop everything done since that backup from the live grid',
      ],
      backup: { note: 'The current grid is backed up first. This restore can itself be undone from this list.' },
      confirmLabel: 'Restore this backup',
    }).then((ok) => ok && void restore(entry));
  };
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(): Promise<void> {
    try {
      setListing(await client().call('backup.list', {}));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function open(): void {
    setConfirm(null);
    setStatus(null);
    dialog.current?.showModal();
    void load();
  }

  async function restore(entry: Entry): Promise<void> {
    setBusy(true);
    try {
      const done = await client().call('backup.restore', { name: entry.name });
      setStatus(`Restored the grid from ${utcTime(done.restored.createdAt)} (${done.journalLength} commands). The grid before the restore was kept as a backup too.`);
      setConfirm(null);
      await scheduleRefresh();
      await load();
    } catch (e) {
      reportError(e, 'Restore backup');
      // The list as it now is (a failed restore leaves it unchanged; it says so by showing it again).
      await load();
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" onClick={open} aria-haspopup="dialog">
        Backups
      </button>
      <dialog ref={dialog} aria-labelledby="backups-title" className="backups-dialog">
        <h2 id="backups-title">Backups</h2>
        {listing && !listing.persistent && <p>This console keeps its grid in memory: there is no database to back up.</p>}
        {listing?.persistent && (
          <p>
            Taken automatically before an action that replaces or erases data; the newest {listing.keep} are kept in <code>{listing.dir}</code>.
          </p>
        )}
        {listing?.persistent && listing.backups.length === 0 && <p>No backup yet.</p>}
        {listing && listing.backups.length > 0 && (
          <table style={{ borderSpacing: '0.75rem 0.25rem', marginInline: '-0.75rem' }}>
            <caption className="sr-only">Database backups, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Taken (UTC)</th>
                <th scope="col">Before</th>
                <th scope="col">Commands</th>
                <th scope="col">Last command</th>
                <th scope="col">Size</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {listing.backups.map((b) => (
                <tr key={b.name}>
                  <td>
                    <time dateTime={b.createdAt}>{utcTime(b.createdAt)}</time>
                  </td>
                  <td>{REASONS[b.reason] ?? b.reason}</td>
                  <td>{b.commands}</td>
                  <td>
                    <code>{b.lastCommand ?? '—'}</code>
                  </td>
                  <td>{size(b.bytes)}</td>
                  <td>
                    <button
                      type="button"
                      className="danger"
                      disabled={busy || !b.readable}
                      onClick={() => setConfirm(b)}
                      aria-label={`Restore the backup taken ${utcTime(b.createdAt)} before ${REASONS[b.reason] ?? b.reason}`}
                    >
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {confirmDialog}
        {status && <p role="status">{status}</p>}
        {error && <p role="alert">{error}</p>}
        <form method="dialog" className="button-row">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
