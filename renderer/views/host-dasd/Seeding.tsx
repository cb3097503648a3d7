// Remote copy seeded offline (seed 003 FIG. 3): established without writing the secondary, a flash
// copy to portable media, shipped, uploaded, then only the grains written since establishment (the
// dirty-grain bitmap) cross the link. Progress through the stages, and what the seeding saved against
// a full synchronization over the configured link.

import { useId, useState } from 'react';
import { bytes, count, duration, showTime } from '../../lib/format';
import { Meter } from './Meter';
import type { Issue, RemoteCopy } from './use-dasd';
import { cite } from '../../lib/sources';

const STAGES: { id: RemoteCopy['stage']; label: string }[] = [
  { id: 'established', label: 'Established offline (302)' },
  { id: 'flash-copied', label: 'Flash copy to media (304)' },
  { id: 'shipped', label: 'Shipped (306)' },
  { id: 'uploaded', label: 'Uploaded at the secondary (308)' },
  { id: 'synchronized', label: 'Dirty grains synchronized (310-316)' },
];
const NAME = /^[A-Za-z0-9_.$@#-]{1,32}$/;

export function Seeding({ copies, siteOf, busy, issue }: { copies: RemoteCopy[]; siteOf: (dasd: string) => string; busy: boolean; issue: Issue }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Remote copy seeding</h2>
        <span className="small muted">established offline, seeded by shipped media ({cite('remoteCopySeeding')})</span>
      </div>
      {copies.length === 0 ? (
        <p className="muted small">None: REMOTECOPY &lt;dasd&gt; TO &lt;dasd&gt; ESTABLISH OFFLINE starts one.</p>
      ) : (
        copies.map((rc) => <Copy key={rc.primary} rc={rc} site={siteOf(rc.secondary)} busy={busy} issue={issue} />)
      )}
    </section>
  );
}

function Copy({ rc, site, busy, issue }: { rc: RemoteCopy; site: string; busy: boolean; issue: Issue }) {
  const id = useId();
  const [media, setMedia] = useState('');
  const done = STAGES.findIndex((s) => s.id === rc.stage);
  const sync = rc.lastSync;
  return (
    <div className="hd-seeding" data-remote-copy={rc.primary}>
      <h3 id={`${id}-title`}>
        {rc.primary} → {rc.secondary}{' '}
        <span className="small muted">
          established {showTime(rc.establishedAt)}, grain {bytes(rc.grainBytes)}, link {bytes(rc.linkBytesPerSec)}/s
        </span>
      </h3>
      <ol className="hd-stages" aria-label={`Seeding stages of ${rc.primary}`} data-testid="seeding-stages">
        {STAGES.map((s, i) => (
          <li key={s.id} className={i <= done ? 'is-done' : 'is-pending'}>
            <span aria-hidden="true">{i <= done ? '✓' : '·'}</span> {s.label}
            <span className="sr-only">{i <= done ? ' — done' : ' — to do'}</span>
          </li>
        ))}
      </ol>
      <p className="small" data-testid="seeding-progress">
        Stage {rc.stagesDone} of {rc.stages}: {rc.state}
        {rc.media ? `; media ${rc.media.name} at ${rc.media.site}${rc.media.shipped ? ' (shipped)' : ''}` : ''}
      </p>
      <Meter label={`Dirty grains of ${rc.primary}`} value={rc.dirtyGrains} max={rc.totalGrains} detail={`${count(rc.dirtyGrains)} of ${count(rc.totalGrains)} grains`} testId="dirty-grains" />
      {sync ? (
        <div data-testid="seeding-sync">
          <Meter label="Bytes sent by the last sync against a full sync" value={sync.bytesSent} max={sync.bytesFullSync} detail={`${bytes(sync.bytesSent)} of ${bytes(sync.bytesFullSync)}`} />
          <p className="ok small" data-testid="time-saved">
            {count(sync.dirtyGrains)} dirty grains sent in {duration(sync.seconds * 1000)} instead of {duration(sync.fullSyncSeconds * 1000)} for a full sync:{' '}
            {duration((sync.fullSyncSeconds - sync.seconds) * 1000)} and {bytes(sync.bytesFullSync - sync.bytesSent)} saved.
          </p>
        </div>
      ) : null}
      <div className="button-row">
        <form
          className="hd-inline"
          aria-label={`Flash copy ${rc.primary} to media`}
          onSubmit={(e) => {
            e.preventDefault();
            if (NAME.test(media)) void issue(`FLASHCOPY ${rc.primary} TO MEDIA ${media}`);
          }}
        >
          <label htmlFor={`${id}-media`}>Media name</label>{' '}
          <input id={`${id}-media`} className="mono" size={10} value={media} aria-invalid={media !== '' && !NAME.test(media)} onChange={(e) => setMedia(e.target.value.trim())} />{' '}
          <button type="submit" disabled={busy || !NAME.test(media) || rc.media !== null}>
            Flash copy to media
          </button>
        </form>
        <button type="button" disabled={busy || !rc.media || rc.media.shipped} onClick={() => void issue(`SHIP ${rc.media!.name} TO ${site}`)}>
          Ship to {site}
        </button>
        <button type="button" disabled={busy || !rc.media || rc.uploaded} onClick={() => void issue(`UPLOAD ${rc.media!.name} TO ${rc.secondary}`)}>
          Upload to {rc.secondary}
        </button>
        <button type="button" disabled={busy} onClick={() => void issue(`SYNC ${rc.secondary}`)}>
          Sync dirty grains
        </button>
      </div>
    </div>
  );
}
