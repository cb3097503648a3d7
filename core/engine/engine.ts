// The grid engine: executes validated runbook commands against the grid state, deterministically.

import type { Command, CommandName, CommandRecord } from '../runbook/commands.js';
import type { ConsoleMessage } from '../world/console-message.js';
import { createState, type GridState } from '../world/state.js';
import { Refusal, refuse } from '../world/refusal.js';
import { advanceTo } from '../world/run.js';
import { advanceToInSlices, advanceUntilInSlices, idleProgress, simulatedProgress } from '../world/run-slices.js';
import { EVENT_RULES } from './event-handlers.js';
import { isoTime, MAX_SIM_TIME } from '../sim/time.js';
import { updateGridStates } from '../rules/grid-states.js';
import { copiesCanProgress } from '../rules/copies.js';
import { showGrid } from './show.js';
import { tapeBusy } from './tape.js';
import { announceReleases } from './dasd.js';
import type { FilePort } from '../runbook/scope.js';
import type { AdvanceResult, RunContext } from '../commands/spec.js';
import { COMMANDS } from '../commands/index.js';
import { whole, type Sliced } from '../sim/work-slices.js';

export interface Outcome {
  ok: boolean;
  error: { code: string; message: string } | null;
  result: unknown;
  messages: ConsoleMessage[];
}

const IDLE_LIMIT_MS = 30 * 86_400_000;

export class Engine {
  state: GridState;
  /** answers SHOW … AT <time>: the session rebuilds the grid as it was */
  history: ((time: number) => Engine) | null = null;
  /** files named in runbooks (LOAD EXPORTSET, SAVE EXPORTSET): the session's port */
  files: FilePort | null = null;
  /** re-executing a journal: commands with effects outside the grid (writing files) hold back */
  replaying = false;

  constructor(seed = 1, state?: GridState) {
    this.state = state ?? createState(EVENT_RULES, seed);
  }

  execute(command: Command): Outcome {
    return whole(this.executeInSlices(command));
  }

  /**
   * execute() with a long command's work in slices (sim/work-slices.ts), yielding its progress in
   * between. A caller that stops before the end holds a half-applied grid and must throw this engine
   * away (Session.abandonRun).
   */
  *executeInSlices(command: Command): Sliced<Outcome> {
    const state = this.state;
    state.messages = [];
    state.trail.begin(command.text);
    let outcome: Outcome;
    try {
      const result = yield* this.perform(command);
      outcome = { ok: true, error: null, result: result ?? null, messages: [] };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      outcome = { ok: false, error: { code: error.code, message: error.message }, result: null, messages: [] };
    }
    // After a command the grid states are compared in full, whatever the command changed.
    state.gridChanges++;
    updateGridStates(state);
    outcome.messages = state.messages;
    state.messages = [];
    return outcome;
  }

  /**
   * A command's work: in slices where its table entry does long work in slices (PRELOAD, IMPORT
   * INVENTORY), otherwise its handler whole.
   */
  private *perform<K extends CommandName>(command: CommandRecord<K>): Sliced<unknown> {
    const spec = COMMANDS[command.name];
    const x = this.context();
    const result = spec.runInSlices ? yield* spec.runInSlices(x, command) : spec.run(x, command);
    // Journal full: one message per command that released history, with where the window now starts.
    announceReleases(this.state);
    return result;
  }

  private context(): RunContext {
    return { engine: this, state: this.state, files: this.files, replaying: this.replaying, commands: COMMANDS };
  }

  showGrid() {
    return showGrid(this.state);
  }

  /** The grid as it was at `time` (SHOW … AT): the session rebuilds it. */
  at(time: number): Engine {
    if (time > this.state.now) refuse('FUTURE_TIME', `${isoTime(time)} is after the simulated present ${isoTime(this.state.now)}`);
    if (!this.history) refuse('NO_HISTORY', 'this session keeps no history');
    return this.history(time);
  }

  advance(duration: number | null) {
    return whole(this.advanceInSlices(duration));
  }

  /** ADVANCE in slices (core/world/run-slices.ts): the progress is simulated time, of the duration or of the work queued. */
  *advanceInSlices(duration: number | null): Sliced<AdvanceResult> {
    const s = this.state;
    const from = s.now;
    s.clockSet = true;
    if (duration !== null) {
      if (s.now + duration > MAX_SIM_TIME) refuse('TIME_LIMIT', `the simulated clock stops at ${isoTime(MAX_SIM_TIME)}; it is ${isoTime(s.now)}`);
      const until = s.now + duration;
      yield* advanceToInSlices(s, until, () => simulatedProgress(s, from, until));
      return { from: isoTime(from), to: isoTime(s.now) };
    }
    const idle = yield* advanceUntilInSlices(s, () => !this.busy(), s.now + IDLE_LIMIT_MS, idleProgress(s, from));
    if (!idle && this.busy()) advanceTo(s, from + IDLE_LIMIT_MS);
    // Spec §12: idle only when nothing is pending; copies that remain but cannot progress stop the
    // advance with idle: false and their count.
    const blockedCopies = this.blockedCopies();
    return { from: isoTime(from), to: isoTime(s.now), idle: !this.busy() && blockedCopies === 0, blockedCopies };
  }

  /** Work that can still make progress: copies in flight, pre-migration on drives. */
  busy(): boolean {
    if (copiesCanProgress(this.state) || tapeBusy(this.state)) return true;
    return this.state.premigration.some((p, i) => p.active > 0 && this.state.clusters[i]!.status !== 'failed');
  }

  blockedCopies(): number {
    let n = 0;
    for (const q of this.state.copies.targets) n += q.volume.length + q.inFlight.filter((f) => f.rate === 0).length;
    return n;
  }
}
