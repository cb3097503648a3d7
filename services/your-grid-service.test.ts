// Bring your own grid over the contract (issue 14 item 4): a 1,000,000-row inventory generated here is
// sent in chunks, checked with a column mapping, imported as one journaled IMPORT INVENTORY line, and a
// journal replay from nothing (what a restart does) gives the same grid; a bad file names row and
// column and changes nothing; grid files from the form are checked with field paths and opened.

import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_CHARS } from '../contract/your-grid-api.js';
import { Session } from '../core/session.js';
import { memorySettings } from './dr-service.js';
import { createConsoleService, type ConsoleService } from './console-service.js';
import type { Reply } from './errors.js';
import { withInventories } from './your-grid-service.js';
import { ok } from './reply.fixture.js';

function inventory(n: number): string {
  const sizes = ['800MB', '4GB', '2048'];
  const copies = ['CL0;CL1;CL2', 'CL0;CL1', 'CL1', 'CL2;CL0'];
  const rows = ['VOLSER,CAT,CLASS,SIZE,COPIES'];
  for (let i = 0; i < n; i++)
    rows.push(
      `${String.fromCharCode(69 + Math.floor(i / 100_000))}${String(i % 100_000).padStart(5, '0')},${i % 10 === 0 ? '0002' : '000F'},${i % 3 === 0 ? 'MCDR' : 'MCPROD'},${sizes[i % 3]},${copies[i % 4]}`,
    );
  return rows.join('\n') + '\n';
}

async function upload(service: ConsoleService, id: string, text: string): Promise<void> {
  for (let offset = 0; offset < text.length || offset === 0; offset += MAX_CHUNK_CHARS) {
    ok(await service.handle('inventory.upload', { upload: id, offset, text: text.slice(offset, offset + MAX_CHUNK_CHARS) }));
    if (text.length === 0) break;
  }
}

const MAPPING = { volser: 0, category: 1, mc: 2, size: 3, copies: 4 };

describe('your grid: inventory import', () => {
  it('previews a chosen file as the import splits it, with the mapping guessed from the header', async () => {
    const service = createConsoleService({ seed: 2 });
    const preview = ok(await service.handle('inventory.preview', { text: 'VOLSER,CAT,CLASS,SIZE,COPIES\r\nK00001,000F,MCPROD,800MB,"CL0;CL1"\r\nK00002,0002,,4GB,CL1\r\n', rows: 1 }));
    expect(preview).toEqual({
      header: ['VOLSER', 'CAT', 'CLASS', 'SIZE', 'COPIES'],
      rows: [['K00001', '000F', 'MCPROD', '800MB', 'CL0;CL1']],
      mapping: { volser: 0, category: 1, mc: 2, size: 3, copies: 4 },
    });
    const unnamed = ok(await service.handle('inventory.preview', { text: 'A,B\n', rows: 8 }));
    expect(unnamed.mapping).toEqual({ volser: null, category: null, mc: null, size: null, copies: null });
  });

  it('a bad inventory names each bad row and column and changes nothing', async () => {
    const service = createConsoleService({ seed: 2 });
    const before = { volumes: service.session.engine.state.volumes.count, journal: service.session.journal.length };
    await upload(service, 'bad', 'VOLSER,CAT,CLASS,SIZE,COPIES\nK00001,000F,MCPROD,800MB,CL0\nK00002,000F,NOPE,800MB,CL0\nA00042,000F,MCPROD,800MB,CL0\nK00004,XYZ,MCPROD,800MB,CL0\n');
    const check = ok(await service.handle('inventory.check', { upload: 'bad', mapping: MAPPING }));
    expect(check.rows).toBe(1);
    expect(check.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:CLASS', '4:VOLSER', '5:CAT']);
    expect(check.errors[1].message).toBe('A00042 is already in the grid');
    const refused = await service.handle('inventory.import', { upload: 'bad', mapping: MAPPING });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INVENTORY' } });
    expect(!refused.ok && refused.error.message).toMatch(/^3 row error\(s\), nothing imported; the first: row 3, column CLASS: no Management Class NOPE/);
    expect(service.session.engine.state.volumes.count).toBe(before.volumes);
    expect(service.session.journal.length).toBe(before.journal);
  });

  it('an import shows its rows done while it works; Cancel undoes it whole and journals nothing', async () => {
    const service = createConsoleService({ seed: 2, progressIntervalMs: 0 });
    await upload(service, 'big', inventory(300_000));
    ok(await service.handle('inventory.check', { upload: 'big', mapping: MAPPING }));
    const before = { volumes: service.session.engine.state.volumes.count, journal: service.session.journal.length };
    const seen: { label: string; done: number; total: number; cancellable?: boolean | undefined }[] = [];
    let asked: Promise<Reply> | null = null;
    service.subscribe((e) => {
      if (e.event !== 'engine.progress' || e.payload.label !== 'inventory import') return;
      seen.push(e.payload);
      if (!asked && e.payload.done >= 100_000) asked = service.handle('work.cancel', {});
    });
    const reply = await service.handle('inventory.import', { upload: 'big', mapping: MAPPING });
    expect(reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(asked && ok(await asked)).toEqual({ cancelled: true });
    expect(seen.some((p) => p.total === 300_000 && p.done >= 100_000 && p.done < 300_000 && p.cancellable === true)).toBe(true);
    expect({ volumes: service.session.engine.state.volumes.count, journal: service.session.journal.length }).toEqual(before);
    // Imported again, to its end: whole and journaled.
    expect(ok(await service.handle('inventory.import', { upload: 'big', mapping: MAPPING })).imported).toBe(300_000);
    expect(service.session.journal.length).toBe(before.journal + 1);
  }, 120_000);

  it('1,000,000 rows: sent in chunks, checked, imported as one journaled line; a replay of the journal reads the same rows', async () => {
    const service = createConsoleService({ seed: 2 });
    const text = inventory(1_000_000);
    const progress: number[] = [];
    service.subscribe((e) => e.event === 'engine.progress' && progress.push(e.payload.done / e.payload.total));
    await upload(service, 'million', text);
    const check = ok(await service.handle('inventory.check', { upload: 'million', mapping: MAPPING }));
    expect(check).toMatchObject({ rows: 1_000_000, errorCount: 0, summary: { byCluster: { CL0: 750_000, CL1: 750_000, CL2: 500_000 } } });
    expect(progress.length).toBeGreaterThan(3);
    const before = service.session.engine.state.volumes.count;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = ok(await service.handle('inventory.import', { upload: 'million', mapping: MAPPING }));
    const importMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    expect(result.imported).toBe(1_000_000);
    expect(result.line).toMatch(/^IMPORT INVENTORY inventory-[0-9a-f]{16}\.csv$/);
    expect(service.session.journal.at(-1)).toMatchObject({ text: result.line, source: 'inventory' });
    expect(service.session.engine.state.volumes.count).toBe(before + 1_000_000);
    const v = ok(await service.handle('volume.show', { volser: 'N99999' }));
    expect(v.volume).toMatchObject({ volser: 'N99999' });
    console.log(`import of 1,000,000 rows (after its check): ${Math.round(importMs)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU`);
    // A restart: the journal replayed from nothing, reading the kept rows through the same file port.
    const kept = new Map<string, string>();
    const settings = memorySettings();
    const name = result.line.split(' ')[2];
    const text2 = (service as unknown as { session: Session }).session.files!.readText(name);
    settings.set(`inventory:${name}`, text2);
    const replay = new Session(withInventories({ readText: (p) => kept.get(p) ?? '' }, settings), 2);
    for (const e of service.session.journal) replay.replay(e.text);
    expect(replay.engine.state.volumes.count).toBe(service.session.engine.state.volumes.count);
    expect(JSON.stringify(replay.engine.showGrid())).toBe(JSON.stringify(service.session.engine.showGrid()));
  }, 600_000);
});

describe('your grid: grid files', () => {
  const FILE = {
    format: 'timezero-grid',
    version: 1,
    grid: 'MYGRID',
    sites: ['HQ', 'DR'],
    clusters: [
      { name: 'HQ0', site: 'HQ', model: 'DISK', cache: '600TB' },
      { name: 'DR0', site: 'DR', model: 'TAPE', drives: 8, ioStation: true },
    ],
    links: [{ a: 'HQ0', b: 'DR0', count: 2, gbps: 10 }],
    hosts: [{ name: 'MVS1', site: 'HQ', role: 'PRODUCTION', devices: ['HQ0'] }],
    managementClasses: [{ name: 'GOLD', copy: 'RD', preference: 'PG1' }],
  };

  it('checks a grid file into its topology lines, or names the field at fault', async () => {
    const service = createConsoleService({ seed: 2 });
    const good = ok(await service.handle('gridfile.check', { text: JSON.stringify(FILE) }));
    expect(good.error).toBeNull();
    expect(good.runbook).toContain('CLUSTER DR0 SITE DR MODEL TAPE DRIVES 8 IOSTATION');
    const bad = ok(await service.handle('gridfile.check', { text: JSON.stringify({ ...FILE, hosts: [{ ...FILE.hosts[0], site: 'MARS' }] }) }));
    expect(bad.error).toMatch(/MARS/);
  });

  it('opens it in the console: the grid is replaced and journaled', async () => {
    const service = createConsoleService({ seed: 2 });
    const opened = ok(await service.handle('gridfile.open', { name: 'mygrid.json', text: JSON.stringify(FILE) }));
    expect(opened).toMatchObject({ ok: true, error: null });
    const info = ok(await service.handle('session.info', {}));
    expect(info.grid).toBe('MYGRID');
    expect(service.session.journal.some((e) => e.text === 'MC GOLD COPY RD PG1')).toBe(true);
  });
});
