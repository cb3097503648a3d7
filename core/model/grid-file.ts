// Grid definition files for LOAD: JSON checked field by field (zod), then turned into the topology
// runbook lines they stand for. A bad file is refused with the path of the field at fault.

import { z } from 'zod';
import { jsonErrorPosition } from './json-position.js';
import { jsonTooDeep } from './json-depth.js';
import { joinGeneratedLines } from '../runbook/generated-lines.js';

const size = z.string().regex(/^\d+(\.\d+)?(B|KB|MB|GB|TB|PB)$/i, 'a size such as 800MB or 4GB');
// Every string field has a pattern, and none admits a space, '#' (a runbook comment) or a control
// character: a field becomes one token of one generated line, never more (issue 11 item 6).
const name = z.string().regex(/^[A-Za-z0-9_.$@-]{1,32}$/, '1-32 letters, digits or _.$@-');
/** a microcode level such as 8.5 or R5.1 (spec §3 CLUSTER … CODE <level>) */
const codeLevel = z.string().regex(/^[A-Za-z0-9._-]{1,16}$/, 'a code level such as 8.5: 1-16 letters, digits or ._-');
const hex = z.string().regex(/^[0-9A-Fa-f]{4}$/, '4 hex digits');
const duration = z.string().regex(/^\d+(ms|s|m|h|d)$/i, 'a duration such as 30s, 10m, 2h');

export const GridFileSchema = z
  .object({
    format: z.literal('timezero-grid'),
    version: z.literal(1),
    grid: name,
    seed: z.number().int().min(0).optional(),
    sites: z.array(name).min(1),
    clusters: z
      .array(
        z
          .object({
            name,
            site: name,
            model: z.enum(['DISK', 'TAPE']),
            cache: size.optional(),
            drives: z.number().int().min(0).max(256).optional(),
            ioStation: z.boolean().optional(),
            code: codeLevel.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(8),
    links: z.array(z.object({ a: name, b: name, count: z.number().int().min(1).max(16).optional(), gbps: z.number().positive().optional() }).strict()).optional(),
    hosts: z
      .array(
        z.object({ name, site: name, role: z.enum(['PRODUCTION', 'DR']), devices: z.array(name).min(1), offline: z.array(name).optional(), paths: z.number().int().min(1).max(8).optional() }).strict(),
      )
      .optional(),
    managementClasses: z
      .array(
        z
          .object({
            name,
            copy: z.string().regex(/^[RDNS]{1,8}$/i, 'one of R D N S per cluster'),
            secondaryPool: z.number().int().min(1).max(32).optional(),
            preference: z.enum(['PG0', 'PG1']).optional(),
          })
          .strict(),
      )
      .optional(),
    categories: z.array(z.object({ category: hex, type: z.enum(['SCRATCH', 'PRIVATE']), expireHold: duration.optional() }).strict()).optional(),
    aotm: z.array(z.object({ cluster: name, mode: z.enum(['READ', 'WRITE']), grace: duration.optional() }).strict()).optional(),
    volumes: z
      .array(
        z
          .object({
            range: z.string().regex(/^[A-Za-z0-9]{1,6}(-[A-Za-z0-9]{1,6})?$/, 'a VOLSER or range A00000-A00099'),
            on: name,
            kind: z.enum(['insert', 'preload']),
            mc: name.optional(),
            size: size.optional(),
            category: hex.optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type GridFile = z.infer<typeof GridFileSchema>;

export interface GridFileError {
  path: string;
  message: string;
}

export const MAX_GRID_FILE_BYTES = 8 * 2 ** 20;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(root)';
}

export function gridFileToRunbook(text: string): string | GridFileError {
  if (text.length > MAX_GRID_FILE_BYTES) return { path: '(file)', message: `larger than ${MAX_GRID_FILE_BYTES / 2 ** 20} MB` };
  const deep = jsonTooDeep(text);
  if (deep) return { path: '(file)', message: deep.message };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const at = jsonErrorPosition(text);
    return { path: '(file)', message: `not JSON${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = GridFileSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return issue ? { path: fieldPath(issue.path), message: issue.message } : { path: '(root)', message: 'not a grid file' };
  }
  const g = parsed.data;
  const clusters = g.clusters.map((c) => c.name.toUpperCase());
  const sites = g.sites.map((s) => s.toUpperCase());
  const problem = crossCheck(g, clusters, sites);
  if (problem) return problem;
  const lines: string[] = [`GRID ${g.grid}`];
  if (g.seed !== undefined) lines.push(`SEED ${g.seed}`);
  for (const s of g.sites) lines.push(`SITE ${s}`);
  for (const c of g.clusters) {
    let line = `CLUSTER ${c.name} SITE ${c.site} MODEL ${c.model}`;
    if (c.cache) line += ` CACHE ${c.cache}`;
    if (c.drives !== undefined) line += ` DRIVES ${c.drives}`;
    if (c.ioStation) line += ' IOSTATION';
    if (c.code) line += ` CODE ${c.code}`;
    lines.push(line);
  }
  for (const l of g.links ?? []) lines.push(`LINK ${l.a} ${l.b}${l.count ? ` COUNT ${l.count}` : ''}${l.gbps ? ` GBPS ${l.gbps}` : ''}`);
  for (const h of g.hosts ?? []) {
    lines.push(`HOST ${h.name} SITE ${h.site} ROLE ${h.role} DEVICES ${h.devices.join(',')}${h.paths ? ` PATHS ${h.paths}` : ''}`);
    for (const off of h.offline ?? []) lines.push(`VARY ${h.name} ${off} OFFLINE`);
  }
  for (const m of g.managementClasses ?? []) {
    lines.push(`MC ${m.name} COPY ${m.copy}${m.secondaryPool ? ` SECONDARY ${m.secondaryPool}` : ''}${m.preference ? ` ${m.preference}` : ''}`);
  }
  for (const c of g.categories ?? []) lines.push(`CATEGORY ${c.category} ${c.type}${c.expireHold ? ` EXPIREHOLD ${c.expireHold}` : ''}`);
  for (const a of g.aotm ?? []) lines.push(`AOTM ${a.cluster} ON MODE ${a.mode}${a.grace ? ` GRACE ${a.grace}` : ''}`);
  for (const v of g.volumes ?? []) {
    if (v.kind === 'insert') lines.push(`INSERT ${v.range} ON ${v.on}${v.category ? ` CATEGORY ${v.category}` : ''}`);
    else lines.push(`PRELOAD ${v.range} ON ${v.on} MC ${v.mc} SIZE ${v.size}${v.category ? ` CATEGORY ${v.category}` : ''}`);
  }
  const runbook = joinGeneratedLines(lines);
  return typeof runbook === 'string' ? runbook : { path: '(generated runbook)', message: runbook.message };
}

function crossCheck(g: GridFile, clusters: string[], sites: string[]): GridFileError | null {
  const cluster = (path: string, n: string) => (clusters.includes(n.toUpperCase()) ? null : { path, message: `unknown cluster '${n}'` });
  for (const [i, c] of g.clusters.entries()) if (!sites.includes(c.site.toUpperCase())) return { path: `clusters[${i}].site`, message: `unknown site '${c.site}'` };
  for (const [i, l] of (g.links ?? []).entries()) {
    const e = cluster(`links[${i}].a`, l.a) ?? cluster(`links[${i}].b`, l.b);
    if (e) return e;
  }
  for (const [i, h] of (g.hosts ?? []).entries()) {
    if (!sites.includes(h.site.toUpperCase())) return { path: `hosts[${i}].site`, message: `unknown site '${h.site}'` };
    for (const [j, d] of h.devices.entries()) {
      const e = cluster(`hosts[${i}].devices[${j}]`, d);
      if (e) return e;
    }
  }
  for (const [i, m] of (g.managementClasses ?? []).entries()) {
    if (m.copy.length !== clusters.length) return { path: `managementClasses[${i}].copy`, message: `names ${m.copy.length} cluster(s); the grid has ${clusters.length}` };
  }
  const mcs = (g.managementClasses ?? []).map((m) => m.name.toUpperCase());
  for (const [i, v] of (g.volumes ?? []).entries()) {
    const e = cluster(`volumes[${i}].on`, v.on);
    if (e) return e;
    if (v.kind === 'preload') {
      if (!v.mc) return { path: `volumes[${i}].mc`, message: 'a preload needs a Management Class' };
      if (!mcs.includes(v.mc.toUpperCase())) return { path: `volumes[${i}].mc`, message: `unknown Management Class '${v.mc}'` };
      if (!v.size) return { path: `volumes[${i}].size`, message: 'a preload needs a size' };
    }
  }
  for (const [i, a] of (g.aotm ?? []).entries()) {
    const e = cluster(`aotm[${i}].cluster`, a.cluster);
    if (e) return e;
  }
  return null;
}
