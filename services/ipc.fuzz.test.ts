// Hostile IPC payloads (issue 8 parts 1 and 3): seeded mutations of valid requests on every contract
// channel, sent to the console service the way both transports do. Every reply is a value: a result
// that matched the response schema, or an error with a stable code — a contract refusal naming the
// channel and the field path, or a domain refusal. Never an exception, never INTERNAL or BAD_RESPONSE
// (a handler that broke), never a hang.

import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../contract/api.js';
import { hostileValue, mutateJson, seeded } from '../core/fuzz/mutate.js';
import { createConsoleService } from './console-service.js';

const PAYLOADS = 6_000;
const CALL_LIMIT_MS = 3_000;

/** A valid request to start from; channels added later start from {} (and are fuzzed all the same). */
const VALID: Partial<Record<Channel, unknown>> = {
  'console.execute': { line: 'SHOW CLUSTER CL1' },
  'runbook.validate': { text: 'SHOW GRID\nADVANCE 1m' },
  'runbook.step': { text: 'SHOW GRID\nSHOW QUEUE CL0', from: 0, to: 2 },
  'grid.show': { at: '2026-01-01T00:00:00Z' },
  'cluster.show': { cluster: 'CL2' },
  'volumes.page': { offset: 0, limit: 10, query: { search: 'A000', category: '000F', consistency: 'all' } },
  'volume.show': { volser: 'A00042' },
  'time.advance': { duration: '5m' },
  'journal.list': { from: 0, limit: 10 },
  'file.save': { kind: 'runbook', name: 'a.runbook', text: 'SHOW GRID' },
  'dr.readiness': { family: 'FAM1', cluster: 'CL1' },
  'wizard.start': { wizardId: 'swp-two-cluster', params: { drCluster: 'CL1' } },
  'wizard.step': { acknowledge: true },
  'report.drTest': { family: 'FAM1', drHost: 'DRHOST', format: 'html' },
  'export.plan': { cluster: 'CL2', pool: 8 },
  'export.status': { volser: 'A00042', limit: 10 },
  'exportset.read': { name: 'none.tzset' },
  'exportset.upload': { name: 'bad.tzset', text: 'TIMEZERO EXPORTSET 1\n{}\n' },
  'backup.restore': { name: 'console-20260101T000000000Z-000-erase.db' },
};

describe('every channel under hostile payloads', () => {
  it(`${PAYLOADS.toLocaleString('en')} mutated requests: each answered with a result or a coded error, none broke a handler`, async () => {
    const rng = seeded(0x1bc);
    const service = createConsoleService({ seed: 9 });
    const names = Object.keys(channels) as Channel[];
    const problems: string[] = [];
    const codes = new Map<string, number>();
    let slowest = 0;
    for (let i = 0; i < PAYLOADS && problems.length < 20; i++) {
      const channel = names[i % names.length]!;
      const valid = VALID[channel] ?? {};
      const payload = rng(10) === 0 ? hostileValue(rng) : rng(4) === 0 ? valid : mutateJson(rng, valid);
      const started = performance.now();
      let reply;
      try {
        reply = await service.handle(channel, payload);
      } catch (error) {
        problems.push(`${channel} #${i}: threw ${(error as Error).message}`);
        continue;
      }
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      if (ms > CALL_LIMIT_MS) problems.push(`${channel} #${i}: ${ms.toFixed(0)} ms`);
      if (reply.ok) {
        if (!channels[channel].response.safeParse(reply.result).success) problems.push(`${channel} #${i}: result breaks the contract`);
        codes.set('ok', (codes.get('ok') ?? 0) + 1);
        continue;
      }
      const { code, message } = reply.error;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (code === 'INTERNAL' || code === 'BAD_RESPONSE') problems.push(`${channel} #${i}: ${code}: ${message.slice(0, 300)} ← ${JSON.stringify(payload)?.slice(0, 200)}`);
      if (!/^[A-Z][A-Z0-9_]+$/.test(code) || typeof message !== 'string' || message.length < 4) problems.push(`${channel} #${i}: unclear error ${JSON.stringify(reply.error).slice(0, 200)}`);
      // A refusal of the payload names the field: `volumes.page: query.category: 4 hex digits` (the
      // contract), or `query.search: …` (a handler's own check of a field the schema let through).
      if (code === 'BAD_REQUEST' && !message.startsWith(`${channel}: `) && !/^[A-Za-z_][\w.[\]]*: /.test(message))
        problems.push(`${channel} #${i}: BAD_REQUEST without a field: ${message.slice(0, 200)}`);
    }
    service.close();
    expect(problems).toEqual([]);
    expect(codes.get('BAD_REQUEST') ?? 0).toBeGreaterThan(PAYLOADS / 3);
    expect(codes.get('ok') ?? 0).toBeGreaterThan(PAYLOADS / 20);
    console.info(`ipc fuzz: ${PAYLOADS} payloads over ${names.length} channels; replies ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}; slowest ${slowest.toFixed(0)} ms`);
  }, 120_000);
});
