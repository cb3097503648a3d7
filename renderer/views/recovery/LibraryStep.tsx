// Wizard step 1 (Redbook §11.7.1, §11.7.2 step 1): the stand-alone recovery library — "Clients can only
// execute a Copy Export Recovery process in a stand-alone cluster" — with drives that read the source's
// format, the encryption keys of encrypted volumes, and a code level at least the source's.

import { useId, useState } from 'react';
import type { StandaloneView } from '../../../contract/export-api';

const FORMATS = ['J1A', 'E05', 'E06', 'E07', 'E08'] as const;
const NAME = /^[A-Z][A-Z0-9_$@#]{0,7}$/;
const RANGE = /^[A-Z0-9]{1,6}(-[A-Z0-9]{1,6})?$/;

interface Props {
  libraries: StandaloneView[];
  selected: string | null;
  onSelect: (name: string) => void;
  busy: boolean;
  issue: (line: string) => Promise<{ ok: boolean }>;
}

export function LibraryStep({ libraries, selected, onSelect, busy, issue }: Props) {
  const id = useId();
  const [name, setName] = useState('DRLIB');
  const [drives, setDrives] = useState(4);
  const [formats, setFormats] = useState<string[]>(['E07', 'E08']);
  const [code, setCode] = useState('');
  const [keys, setKeys] = useState('');
  const [partition, setPartition] = useState('');
  const nameValid = NAME.test(name) && !libraries.some((l) => l.name === name);
  const keyList = keys
    .split(',')
    .map((k) => k.trim().toUpperCase())
    .filter(Boolean);
  const ranges = partition
    .split(',')
    .map((r) => r.trim().toUpperCase())
    .filter(Boolean);
  const rangesValid = ranges.every((r) => RANGE.test(r));
  const line = `STANDALONE ${name} MODEL TAPE DRIVES ${drives}${formats.length ? ` FORMATS ${formats.join(',')}` : ''}${code ? ` CODE ${code}` : ''}${keyList.length ? ` KEYS ${keyList.join(',')}` : ''}${ranges.length ? ` PARTITION ${ranges.join(',')}` : ''}`;
  return (
    <div>
      <ul className="rc-requirements small">
        <li>Not part of a grid; it becomes Cluster 0 of its own (§11.7.1).</li>
        <li>Physical drives able to read the source's format: J1A volumes by any 3592 drive, E05–E08 by drives of that format (§11.5.1).</li>
        <li>Encrypted volumes need the key manager with the source's keys (§11.7.1).</li>
        <li>Code level the same as the source's or later (§11.7.1); enough slots for every exported stacked volume.</li>
      </ul>
      {libraries.length > 0 ? (
        <fieldset>
          <legend>Recover into</legend>
          {libraries.map((l) => (
            <label key={l.name} className="rc-choice">
              <input type="radio" name={`${id}-library`} checked={selected === l.name} onChange={() => onSelect(l.name)} /> <strong>{l.name}</strong>: {l.drives} drives ({l.formats.join(', ')}), code{' '}
              {l.code}
              {l.keys.length ? `, keys ${l.keys.join(', ')}` : ''}, {l.empty ? 'empty' : `${l.volumes} logical volumes`}
            </label>
          ))}
        </fieldset>
      ) : null}
      <form
        className="rc-define"
        onSubmit={(e) => {
          e.preventDefault();
          if (!nameValid || !rangesValid || formats.length === 0) return;
          void issue(line).then((out) => out.ok && onSelect(name));
        }}
      >
        <fieldset>
          <legend>Define a stand-alone recovery library</legend>
          <div className="ce-fields">
            <label htmlFor={`${id}-name`}>Library name</label>
            <input id={`${id}-name`} className="mono" size={10} value={name} aria-invalid={!nameValid} onChange={(e) => setName(e.target.value.toUpperCase())} />
            <label htmlFor={`${id}-drives`}>Physical drives</label>
            <input id={`${id}-drives`} type="number" min={1} max={16} value={drives} onChange={(e) => setDrives(Math.max(1, Math.min(16, Number(e.target.value) || 1)))} />
            <label htmlFor={`${id}-code`}>Code level</label>
            <input id={`${id}-code`} className="mono" size={8} placeholder="8.50" value={code} onChange={(e) => setCode(e.target.value.replace(/[^0-9.]/g, ''))} />
            <label htmlFor={`${id}-keys`}>Encryption key labels</label>
            <input id={`${id}-keys`} className="mono" size={24} placeholder="none" value={keys} onChange={(e) => setKeys(e.target.value)} />
            <label htmlFor={`${id}-partition`}>VOLSER ranges of another partition</label>
            <input
              id={`${id}-partition`}
              className="mono"
              size={24}
              placeholder="none"
              value={partition}
              aria-invalid={!rangesValid}
              aria-describedby={`${id}-partition-help`}
              onChange={(e) => setPartition(e.target.value)}
            />
            <span id={`${id}-partition-help`} className="small muted ce-help">
              Another TS7700 or native drives on the same library: VOLSERs that overlap cannot be recovered (§11.7.1).
            </span>
          </div>
          <fieldset className="segmented">
            <legend>Drive formats</legend>
            {FORMATS.map((f) => (
              <label key={f}>
                <input type="checkbox" checked={formats.includes(f)} onChange={(e) => setFormats((now) => (e.target.checked ? [...now, f] : now.filter((x) => x !== f)))} /> {f}
              </label>
            ))}
          </fieldset>
          <div className="button-row">
            <button type="submit" disabled={busy || !nameValid || !rangesValid || formats.length === 0} title={line}>
              Define stand-alone library
            </button>
          </div>
        </fieldset>
      </form>
    </div>
  );
}
