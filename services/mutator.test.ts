// Issue 11 item 8: every handler that changes the grid is marked mutator(...) where it is registered
// and runs in the one writer queue, so a DR wizard step cannot run in the middle of a runbook step
// (Redbook §11.10: a DR test procedure's steps act on the grid in the order the operator issued them).
import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../contract/api.js';
import { createConsoleService } from './console-service.js';
import { isMutator } from './mutator.js';
import { ok } from './reply.fixture.js';

describe('one writer at a time (issue 11 item 8)', () => {
  it('a wizard step sent while a long runbook step is running waits for it: the journal is not interleaved', async () => {
    // progressIntervalMs 0: the runbook step yields to I/O after every command, the window a stray write used to take
    const service = createConsoleService({ sample: 'two-cluster-dr', progressIntervalMs: 0 });
    ok(await service.handle('wizard.start', { wizardId: 'swp-two-cluster' }));
    const before = service.session.journal.length;
    const text = Array.from({ length: 30 }, () => 'ADVANCE 1m').join('\n');
    let progressSeen = 0;
    service.subscribe((e) => {
      if (e.event === 'engine.progress') progressSeen++;
    });
    const runbook = service.handle('runbook.step', { text, from: 0, to: 30 });
    const wizard = service.handle('wizard.step', { acknowledge: true });
    const [steps, state] = await Promise.all([runbook, wizard]);
    expect(ok(steps).records).toHaveLength(30);
    expect(ok(state).last).toEqual({ stepId: 'vary-offline', refused: false, failed: false });
    expect(progressSeen).toBeGreaterThan(1); // the runbook step did yield in between
    const texts = service.session.journal.slice(before).map((e) => e.text);
    // The 30 runbook lines first, then the wizard step's: its VARY and the simulated time the step takes.
    expect(texts.slice(0, 30)).toEqual(Array.from({ length: 30 }, () => 'ADVANCE 1m'));
    expect(texts[30]).toBe('VARY DRHOST CL1 OFFLINE');
    expect(texts.slice(31).every((t) => t.startsWith('ADVANCE '))).toBe(true);
  });

  it('pausing the wizard while its step is queued behind a runbook step takes effect after that step, not in its middle', async () => {
    const service = createConsoleService({ sample: 'two-cluster-dr', progressIntervalMs: 0 });
    ok(await service.handle('wizard.start', { wizardId: 'swp-two-cluster' }));
    const text = Array.from({ length: 10 }, () => 'ADVANCE 1m').join('\n');
    const order: string[] = [];
    const runbook = service.handle('runbook.step', { text, from: 0, to: 10 }).then(() => order.push('runbook'));
    const step = service.handle('wizard.step', { acknowledge: true }).then((r) => order.push(`step ${ok(r).last.stepId}`));
    const pause = service.handle('wizard.pause', {}).then((r) => order.push(`pause ${ok(r).run.status}`));
    const info = service.handle('session.info', {}).then(() => order.push('read'));
    await Promise.all([runbook, step, pause, info]);
    // a read is answered at once; the writes in the order they were sent
    expect(order).toEqual(['read', 'runbook', 'step vary-offline', 'pause paused']);
  });

  it('a handler that changes the grid without mutator(...) fails loudly instead of interleaving', async () => {
    const service = createConsoleService({ sample: 'two-cluster-dr' });
    const before = service.session.journal.length;
    // a future channel someone forgot to mark
    (service.handlers as Record<string, unknown>)['session.info'] = () => {
      const [command] = service.session.validate('ADVANCE 1m').commands;
      service.session.run(command!, 'console');
      return {};
    };
    const reply = await service.handle('session.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('must be registered with mutator(...)') } });
    expect(service.session.journal.length).toBe(before);
  });

  it('a closed service takes its guard off: a second service over the same session (the bench) can write through its own queue', async () => {
    const first = createConsoleService({ sample: 'two-cluster-dr' });
    const session = first.session;
    first.close();
    const second = createConsoleService({ store: { open: () => session, attach: () => {} } });
    ok(await second.handle('console.execute', { line: 'FAIL CLUSTER CL1' }));
    second.close();
    const [command] = session.validate('REPAIR CLUSTER CL1').commands;
    expect(session.run(command!, 'console').ok).toBe(true);
  });

  it('the channels that change the grid or what is kept with it are the marked ones', () => {
    const service = createConsoleService();
    const marked = (Object.keys(channels) as Channel[]).filter((c) => isMutator(service.handlers[c])).sort();
    expect(marked).toEqual([
      'backup.restore',
      'console.execute',
      'exportset.upload',
      'inventory.import',
      'runbook.step',
      'time.advance',
      'wizard.abandon',
      'wizard.pause',
      'wizard.resume',
      'wizard.start',
      'wizard.step',
      'workload.run',
      'workload.start',
    ]);
  });
});
