// Actions for what is selected in the diagram. Each button issues the runbook line spec §6 defines
// (FAIL/REPAIR, SERVICE, TAKEOVER, VARY) through console.execute; the panel shows the line issued.

import { useId, useState } from 'react';
import type { ClusterDetail, GridView } from '../../../contract/show-api';
import { showTime } from '../../lib/format';
import type { Selection } from './Diagram';

interface Props {
  grid: GridView;
  details: Record<string, ClusterDetail>;
  selection: Selection;
  disabled: boolean;
  issue: (line: string) => void;
}

function Btn({ line, label, disabled, issue, danger }: { line: string; label: string; disabled: boolean; issue: (l: string) => void; danger?: boolean }) {
  return (
    <button type="button" className={danger ? 'danger' : undefined} disabled={disabled} onClick={() => issue(line)} title={line}>
      {label}
    </button>
  );
}

export function Actions({ grid, details, selection, disabled, issue }: Props) {
  switch (selection.kind) {
    case 'cluster':
      return <ClusterActions grid={grid} detail={details[selection.name]} name={selection.name} disabled={disabled} issue={issue} />;
    case 'link': {
      const l = details[selection.a]?.links[selection.b];
      const { a, b } = selection;
      return (
        <div className="actions">
          <h2>
            Grid link {a}–{b}
          </h2>
          {l ? (
            <p>
              {l.count - l.failed} of {l.count} links working at {l.gbps} Gb/s each
            </p>
          ) : null}
          {[a, b].some((cl) => grid.clusters[cl]?.status === 'failed') ? (
            <p className="bad small">Carries nothing while {[a, b].filter((cl) => grid.clusters[cl]?.status === 'failed').join(' and ')} is failed.</p>
          ) : null}
          <div className="button-row">
            <Btn line={`FAIL LINK ${a} ${b}`} label="Fail link" disabled={disabled} issue={issue} danger />
            <Btn line={`FAIL LINK ${a} ${b} ONE`} label="Fail one link" disabled={disabled} issue={issue} danger />
            <Btn line={`REPAIR LINK ${a} ${b}`} label="Repair link" disabled={disabled} issue={issue} />
          </div>
        </div>
      );
    }
    case 'host': {
      const host = grid.hosts.find((h) => h.name === selection.name);
      return (
        <div className="actions">
          <h2>Host {selection.name}</h2>
          {host ? (
            <p>
              {host.role ?? ''} host at site {host.site}
              {host.failed ? ' — failed' : ''}
            </p>
          ) : null}
          <ul className="plain">
            {Object.entries(host?.devices ?? {}).map(([cl, d]) => (
              <li key={cl}>
                <span>
                  Devices on {cl}: {d.online ? 'online' : 'offline'}
                  {d.paths !== undefined ? `, ${d.paths - (d.failedPaths ?? 0)} of ${d.paths} paths` : ''}
                </span>{' '}
                <Btn line={`VARY ${selection.name} ${cl} ${d.online ? 'OFFLINE' : 'ONLINE'}`} label={`Vary ${cl} ${d.online ? 'offline' : 'online'}`} disabled={disabled} issue={issue} />
                <Btn line={`FAIL HOSTLINK ${selection.name} ${cl}`} label={`Fail host link to ${cl}`} disabled={disabled} issue={issue} danger />
                <Btn line={`REPAIR HOSTLINK ${selection.name} ${cl}`} label={`Repair host link to ${cl}`} disabled={disabled} issue={issue} />
              </li>
            ))}
          </ul>
        </div>
      );
    }
    case 'hostlink': {
      const { host, cluster } = selection;
      return (
        <div className="actions">
          <h2>
            Host link {host}–{cluster}
          </h2>
          <div className="button-row">
            <Btn line={`FAIL HOSTLINK ${host} ${cluster}`} label="Fail host link" disabled={disabled} issue={issue} danger />
            <Btn line={`REPAIR HOSTLINK ${host} ${cluster}`} label="Repair host link" disabled={disabled} issue={issue} />
            <Btn line={`VARY ${host} ${cluster} ONLINE`} label="Vary online" disabled={disabled} issue={issue} />
            <Btn line={`VARY ${host} ${cluster} OFFLINE`} label="Vary offline" disabled={disabled} issue={issue} />
          </div>
        </div>
      );
    }
    case 'site':
      return (
        <div className="actions">
          <h2>Site {selection.id}</h2>
          <p>Every cluster and host at the site.</p>
          <div className="button-row">
            <Btn line={`FAIL SITE ${selection.id}`} label={`Fail site ${selection.id}`} disabled={disabled} issue={issue} danger />
            <Btn line={`REPAIR SITE ${selection.id}`} label={`Repair site ${selection.id}`} disabled={disabled} issue={issue} />
          </div>
        </div>
      );
  }
}

function ClusterActions({ grid, detail, name, disabled, issue }: { grid: GridView; detail: ClusterDetail | undefined; name: string; disabled: boolean; issue: (l: string) => void }) {
  const c = grid.clusters[name]!;
  const peers = Object.keys(grid.clusters).filter((p) => p !== name);
  const failed = c.status === 'failed';
  const survivors = peers.filter((p) => grid.clusters[p]!.status !== 'failed');
  const id = useId();
  const [host, setHost] = useState('');
  const hostKnown = grid.hosts.length > 0;
  return (
    <div className="actions">
      <h2>Cluster {name}</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="cluster-status">{c.status}</dd>
        <dt>Site · model</dt>
        <dd>
          {c.site ?? detail?.site ?? '—'} · {c.model ?? detail?.model ?? '—'}
          {detail?.code ? ` · code ${detail.code}` : ''}
        </dd>
        <dt>Grid states</dt>
        <dd>{c.states.length ? c.states.join('; ') : 'none'}</dd>
        <dt>Takeover</dt>
        <dd>
          {Object.keys(c.takeover).length
            ? Object.entries(c.takeover)
                .map(([p, m]) => `${m} for ${p}`)
                .join(', ')
            : 'none'}
        </dd>
        <dt>Owned volumes</dt>
        <dd>{c.owned.toLocaleString('en-US')}</dd>
        {detail?.cacheUsedPercent !== undefined ? (
          <>
            <dt>Cache used</dt>
            <dd>{detail.cacheUsedPercent}%</dd>
          </>
        ) : null}
        {detail?.drives ? (
          <>
            <dt>Physical drives</dt>
            <dd>
              {detail.drivesAvailable} of {detail.drives} available
            </dd>
          </>
        ) : null}
      </dl>
      <div className="button-row">
        {failed ? (
          <Btn line={`REPAIR CLUSTER ${name}`} label={`Repair ${name}`} disabled={disabled} issue={issue} />
        ) : (
          <Btn line={`FAIL CLUSTER ${name}`} label={`Fail ${name}`} disabled={disabled} issue={issue} danger />
        )}
      </div>
      {failed ? (
        // A failed cluster can neither be serviced nor take anything over: its volumes are taken over
        // from a surviving cluster's panel (Redbook §11.2: ownership takeover is set on a survivor).
        <p className="small" data-testid="failed-cluster-note">
          {name} is down: service and takeover actions wait until it is repaired.
          {survivors.length > 0 ? ` To let another cluster take over ${name}'s volumes, select ${survivors.join(' or ')}.` : ''}
        </p>
      ) : (
        <>
          <fieldset className="button-row">
            <legend>Service</legend>
            <Btn line={`SERVICE ${name} PREP`} label="Service prep" disabled={disabled} issue={issue} />
            <Btn line={`SERVICE ${name} ON`} label="Service on" disabled={disabled} issue={issue} />
            <Btn line={`SERVICE ${name} OFF`} label="Service off" disabled={disabled} issue={issue} />
          </fieldset>
          {peers.length > 0 ? (
            <fieldset>
              <legend>Ownership takeover mode</legend>
              {peers.map((peer) => (
                <TakeoverRow key={`${peer}-${c.takeover[peer] ?? 'none'}`} cluster={name} peer={peer} current={c.takeover[peer] ?? 'none'} disabled={disabled} issue={issue} />
              ))}
            </fieldset>
          ) : null}
        </>
      )}
      <fieldset className="button-row">
        <legend>TSSC</legend>
        <Btn line={`FAIL TSSC ${name}`} label="Fail TSSC" disabled={disabled} issue={issue} danger />
        <Btn line={`REPAIR TSSC ${name}`} label="Repair TSSC" disabled={disabled} issue={issue} />
      </fieldset>
      {!hostKnown ? (
        <fieldset>
          <legend>Host link to {name}</legend>
          <label htmlFor={`${id}-host`}>Host</label> <input id={`${id}-host`} className="mono" size={10} value={host} onChange={(e) => setHost(e.target.value.toUpperCase())} placeholder="PRODHOST" />{' '}
          <Btn line={`FAIL HOSTLINK ${host} ${name}`} label="Fail host link" disabled={disabled || !host.trim()} issue={issue} danger />
          <Btn line={`REPAIR HOSTLINK ${host} ${name}`} label="Repair host link" disabled={disabled || !host.trim()} issue={issue} />
        </fieldset>
      ) : null}
      <p className="muted small">As of {showTime(grid.time)}</p>
    </div>
  );
}

function TakeoverRow({ cluster, peer, current, disabled, issue }: { cluster: string; peer: string; current: string; disabled: boolean; issue: (l: string) => void }) {
  const id = useId();
  const [mode, setMode] = useState(current);
  return (
    <div className="takeover-row">
      <label htmlFor={id}>
        {cluster} takes {peer}'s volumes
      </label>{' '}
      <select id={id} value={mode} onChange={(e) => setMode(e.target.value)} disabled={disabled}>
        <option value="none">none</option>
        <option value="read">read-only</option>
        <option value="write">read/write</option>
      </select>{' '}
      <Btn line={`TAKEOVER ${cluster} FOR ${peer} ${mode.toUpperCase()}`} label={`Set takeover for ${peer}`} disabled={disabled} issue={issue} />
      <span className="muted small"> now: {current}</span>
    </div>
  );
}
