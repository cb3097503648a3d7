// One DR family (spec §7, SHOW DRFAMILY): members, time-zero, FlashCopy / write-protect / live-copy
// state, metadata snapshots, DR mounts, readiness; the DRSETUP lines that change it, and its report.

import { useId, useState } from 'react';
import { count, showTime } from '../../lib/format';
import { Readiness } from './Readiness';
import { ReportButtons } from './ReportButtons';
import type { FamilyWithReadiness } from './use-families';
import { useReadinessVia } from './use-families';

interface Props {
  item: FamilyWithReadiness;
  composite: string;
  drHosts: string[];
  disabled: boolean;
  issue: (line: string) => void;
}

export function FamilyCard({ item, composite, drHosts, disabled, issue }: Props) {
  const { family: f } = item;
  const titleId = useId();
  const [via, setVia] = useState<string | null>(null);
  const readiness = useReadinessVia(f.name, via, item.readiness);
  const [drHost, setDrHost] = useState(drHosts[0] ?? '');
  const flashing = f.flash === 'enabled';
  const setup = (what: string) => `LI REQ,${composite},DRSETUP,${f.name},${what}`;
  const btn = (what: string, label: string, danger = false) => (
    <button type="button" className={danger ? 'danger' : undefined} disabled={disabled} title={setup(what)} onClick={() => issue(setup(what))}>
      {label}
    </button>
  );

  return (
    <section className={`panel family-card${flashing ? ' is-flashing' : ''}`} aria-labelledby={titleId} data-family={f.name}>
      <div className="panel-head">
        <h2 id={titleId}>Family {f.name}</h2>
        <span className={`badge ${flashing ? 'badge-warn' : ''}`}>{flashing ? 'Test running: time-zero held' : 'No time-zero'}</span>
      </div>
      <dl className="facts inline" aria-label={`State of family ${f.name}`}>
        <dt>Members</dt>
        <dd>{f.clusters.length > 0 ? f.clusters.join(', ') : 'none'}</dd>
        <dt>Time-zero</dt>
        <dd data-testid="time-zero">{f.timeZero ? showTime(f.timeZero) : 'not established'}</dd>
        <dt>FlashCopy</dt>
        <dd>{f.flash}</dd>
        <dt>Write protect</dt>
        <dd>{f.writeProtect}</dd>
        <dt>Live copy</dt>
        <dd>{f.liveCopy === 'FAMILY' ? 'FAMILY (a live copy consistent at time-zero may serve)' : 'NONE (snapshots only)'}</dd>
        <dt>Metadata snapshots</dt>
        <dd data-testid="metadata-snapshots">{count(f.metadataSnapshots)}</dd>
        <dt>Volumes at time-zero</dt>
        <dd>{f.volumesAtTimeZero === null ? '—' : count(f.volumesAtTimeZero)}</dd>
        <dt>DR mounts</dt>
        <dd data-testid="dr-mounts">{drMountsText(item)}</dd>
      </dl>
      <div className="button-row" role="group" aria-label={`DRSETUP for family ${f.name}`}>
        {flashing ? btn('FLASH,DISABLE', 'Disable FlashCopy (end the test)', true) : btn('FLASH,ENABLE', 'Enable FlashCopy (establish time-zero)')}
        {f.writeProtect === 'enabled' ? btn('WP,DISABLE', 'Disable write protect') : btn('WP,ENABLE', 'Enable write protect')}
        {f.liveCopy === 'FAMILY' ? btn('LIVECOPY,NONE', 'Live copy: NONE') : btn('LIVECOPY,FAMILY', 'Live copy: FAMILY')}
        {f.clusters.map((c) => (
          <span key={c}>{btn(`REMOVE,${c}`, `Remove ${c}`, true)}</span>
        ))}
      </div>
      {f.clusters.length > 0 ? <Readiness r={readiness} members={f.clusters} via={via ?? readiness.mountCluster} onVia={setVia} /> : null}
      {drHosts.length > 0 ? (
        <div className="family-report">
          {drHosts.length > 1 ? (
            <label>
              DR host{' '}
              <select value={drHost} onChange={(e) => setDrHost(e.target.value)}>
                {drHosts.map((h) => (
                  <option key={h}>{h}</option>
                ))}
              </select>
            </label>
          ) : null}
          <ReportButtons family={f.name} drHost={drHost} label="DR test report" />
        </div>
      ) : null}
    </section>
  );
}

/** The same count the DR test report prints: volume mounts by DR hosts during the last test (core/reports/family-mounts.ts). */
function drMountsText(item: FamilyWithReadiness): string {
  const m = item.drMounts;
  const now = item.family.drMounts.length > 0 ? `; mounted now: ${item.family.drMounts.join(', ')}` : '';
  if (!m || m.since === null) return `none in a test yet${now}`;
  const window = m.until === null ? `since time-zero ${showTime(m.since)}` : `in the last test (${showTime(m.since)} to ${showTime(m.until)})`;
  return `${count(m.volumeMounts)} ${window}: ${count(m.succeeded)} succeeded, ${count(m.failed)} failed${now}`;
}
