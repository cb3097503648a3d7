// Host DASD (spec §9; seeds 001-003; Redbook §11.9.1, §11.11): the DR host's catalogs and tape
// management data beside the tape — replication sets with their journals and reachable time windows,
// bookmarks and image access, active/active distributed volumes, copy versions, remote copy seeding,
// and the DASD volumes. Reads dasd.overview; every action is a runbook line through the Console path.

import { useId, useState } from 'react';
import { IssuedPanel } from '../../components/IssuedPanel';
import { useIssue } from '../../components/use-issue';
import { bytes, count, showTime } from '../../lib/format';
import { useStore } from '../../state/store';
import { DistributedVolumes } from './Distributed';
import { JournalPanel } from './JournalPanel';
import { Replications } from './Replications';
import { Seeding } from './Seeding';
import { useDasdOverview, type Issue } from './use-dasd';
import { CopyVersions } from './Versions';
import './host-dasd.css';

export function HostDasdView() {
  const data = useDasdOverview();
  const busy = useStore((s) => s.pending > 0);
  const { issue: issueLine, last } = useIssue('Host DASD');
  const [selected, setSelected] = useState<string | null>(null);
  const issue: Issue = async (line) => {
    const out = await issueLine(line);
    if (!out || out.errors.length > 0 || !out.records.every((r) => r.ok)) return null;
    return out.records[out.records.length - 1]?.result ?? {};
  };
  const replication = data?.replications.find((r) => r.replica === selected) ?? data?.replications[0] ?? null;
  return (
    <section className="view host-dasd" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Host DASD</h1>
        <span className="small muted">catalogs and tape management data at the tape's point in time (Redbook §11.9.1, §11.11)</span>
      </div>
      <IssuedPanel last={last} />
      {!data ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <Replications replications={data.replications} now={data.time} selected={replication?.replica ?? null} select={setSelected} />
          {replication ? <JournalPanel key={replication.replica} r={replication} now={data.time} busy={busy} issue={issue} /> : null}
          <DistributedVolumes volumes={data.distributed} busy={busy} issue={issue} />
          <CopyVersions pools={data.versions} busy={busy} issue={issue} />
          <Seeding copies={data.remoteCopies} siteOf={(name) => data.volumes.find((v) => v.name === name)?.site ?? '?'} busy={busy} issue={issue} />
          <Volumes volumes={data.volumes} media={data.media} />
        </>
      )}
    </section>
  );
}

function Volumes({ volumes, media }: { volumes: NonNullable<ReturnType<typeof useDasdOverview>>['volumes']; media: NonNullable<ReturnType<typeof useDasdOverview>>['media'] }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>DASD volumes</h2>
        <span className="small muted">{count(volumes.length)} volume(s)</span>
      </div>
      {volumes.length === 0 ? (
        <p className="muted small">No DASD volume: DASD &lt;name&gt; SITE &lt;site&gt; SIZE &lt;size&gt; [TYPE 3390-9] [TECH FLASHCOPY|SNAPSHOT|COPY] defines one.</p>
      ) : (
        <table className="table compact">
          <caption className="sr-only">DASD volumes</caption>
          <thead>
            <tr>
              <th scope="col">Volume</th>
              <th scope="col">Site</th>
              <th scope="col">Size</th>
              <th scope="col">Type</th>
              <th scope="col">Copy technology</th>
              <th scope="col">Written</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {volumes.map((v) => (
              <tr key={v.name} data-dasd={v.name}>
                <th scope="row">{v.name}</th>
                <td>{v.site}</td>
                <td>{bytes(v.sizeBytes)}</td>
                <td>{v.type}</td>
                <td>{v.tech}</td>
                <td>{bytes(v.writtenBlocks * 4096)}</td>
                <td>{v.role ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {media.length > 0 ? (
        <p className="small muted">
          Portable media: {media.map((m) => `${m.name} (from ${m.from}, taken ${showTime(m.takenAt)}, at ${m.site}${m.shippedAt ? `, shipped ${showTime(m.shippedAt)}` : ''})`).join('; ')}
        </p>
      ) : null}
    </section>
  );
}
