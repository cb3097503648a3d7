// The guided grid form's model and the grid file it writes (README "Grid files"): plain data the form
// edits, turned into the timezero-grid JSON the engine host checks field by field. The form never
// decides what is valid beyond making the fields fit: gridfile.check names the field path at fault.

export interface ClusterRow {
  name: string;
  site: string;
  model: 'DISK' | 'TAPE';
  cache: string;
  drives: string;
  ioStation: boolean;
}
export interface LinkRow {
  a: string;
  b: string;
  count: string;
  gbps: string;
}
export interface HostRow {
  name: string;
  site: string;
  role: 'PRODUCTION' | 'DR';
  devices: string[];
}
export interface McRow {
  name: string;
  copy: string;
  preference: 'PG0' | 'PG1';
}
export interface GridForm {
  grid: string;
  sites: string[];
  clusters: ClusterRow[];
  links: LinkRow[];
  hosts: HostRow[];
  mcs: McRow[];
}

export function exampleForm(): GridForm {
  return {
    grid: 'GRID01',
    sites: ['PROD', 'DR'],
    clusters: [
      { name: 'CL0', site: 'PROD', model: 'DISK', cache: '600TB', drives: '', ioStation: false },
      { name: 'CL1', site: 'DR', model: 'TAPE', cache: '', drives: '8', ioStation: true },
    ],
    links: [{ a: 'CL0', b: 'CL1', count: '2', gbps: '10' }],
    hosts: [
      { name: 'PRODHOST', site: 'PROD', role: 'PRODUCTION', devices: ['CL0'] },
      { name: 'DRHOST', site: 'DR', role: 'DR', devices: ['CL1'] },
    ],
    mcs: [{ name: 'MCPROD', copy: 'RD', preference: 'PG1' }],
  };
}

const up = (s: string) => s.trim().toUpperCase();
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** The grid file the form describes, as the JSON text LOAD and File > Open take. */
export function gridFileText(f: GridForm): string {
  const file = {
    format: 'timezero-grid',
    version: 1,
    grid: up(f.grid),
    sites: f.sites.map(up),
    clusters: f.clusters.map((c) => ({
      name: up(c.name),
      site: up(c.site),
      model: c.model,
      ...(c.cache.trim() ? { cache: up(c.cache) } : {}),
      ...(c.model === 'TAPE' && c.drives.trim() ? { drives: num(c.drives) } : {}),
      ...(c.model === 'TAPE' && c.ioStation ? { ioStation: true } : {}),
    })),
    links: f.links.map((l) => ({ a: up(l.a), b: up(l.b), ...(l.count.trim() ? { count: num(l.count) } : {}), ...(l.gbps.trim() ? { gbps: num(l.gbps) } : {}) })),
    hosts: f.hosts.map((h) => ({ name: up(h.name), site: up(h.site), role: h.role, devices: h.devices.map(up) })),
    managementClasses: f.mcs.map((m) => ({ name: up(m.name), copy: up(m.copy), preference: m.preference })),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** A cluster renamed or removed: references to it elsewhere follow. */
export function renameCluster(f: GridForm, from: string, to: string | null): GridForm {
  const fix = (n: string) => (n === from ? to : n);
  return {
    ...f,
    links: f.links.filter((l) => to !== null || (l.a !== from && l.b !== from)).map((l) => ({ ...l, a: fix(l.a) ?? '', b: fix(l.b) ?? '' })),
    hosts: f.hosts.map((h) => ({ ...h, devices: h.devices.map(fix).filter((d): d is string => d !== null) })),
  };
}
