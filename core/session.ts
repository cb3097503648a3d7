// A session: one engine plus the journal of what it executed. It validates runbook text, executes
// commands (expanding SAMPLE and LOAD), evaluates EXPECT, and rebuilds the grid at any past moment by
// replaying the journal from the nearest checkpoint. Persistence plugs in through the store port.

import { Engine, type Outcome } from './engine/engine.js';
import type { Command } from './runbook/commands.js';
import type { ConsoleMessage } from './world/console-message.js';
import { scopeOf, validateText, type FilePort, type Validated } from './runbook/validate.js';
import { holds, lookup } from './runbook/expect.js';
import { isoTime } from './sim/time.js';
import { advanceTo } from './world/run.js';
import { COMMANDS } from './commands/index.js';
import { whole, type Sliced } from './sim/work-slices.js';

export interface RunRecord {
  line: number;
  command: string;
  time: string;
  ok: boolean;
  error: { code: string; message: string } | null;
  result: unknown;
  messages: ConsoleMessage[];
}

export interface JournalRecord {
  source: string;
  line: number | null;
  text: string;
  startedAt: number;
  endedAt: number;
  outcome: Outcome;
  /** wall-clock ms the command took: what replaying it would cost */
  wallMs: number;
}

/** Where executed commands go: memory by default, SQLite with --db. */
export interface JournalSink {
  /** Stores the entry durably or throws (a StoreError with a STORAGE_* code when the disk said no). */
  append(entry: JournalRecord, engine: Engine): void;
  /** append() yielding its progress while a checkpoint is written; not to be stopped half way (its parts say notCancellable) */
  appendInSlices?(entry: JournalRecord, engine: Engine): Sliced<void>;
  /**
   * The grid exactly as stored: what the session goes back to when an append failed, so nothing the
   * journal does not hold stays applied (spec §12: "the grid in memory and on disk still agree").
   */
  storedEngine(): Engine;
  /** the engine as it was at `time`, or null to let the session replay its in-memory journal */
  engineAt?(time: number): Engine | null;
}

export class Session {
  engine: Engine;
  readonly journal: JournalRecord[] = [];
  private lastRecord: RunRecord | null = null;
  private messagesSinceExpect: ConsoleMessage[] = [];
  /**
   * Spec §10: EXPECT MESSAGE looks at the messages since the previous EXPECT MESSAGE line. A block of
   * consecutive EXPECT lines checks the same commands' messages; the window restarts with the next
   * command executed, so `EXPECT MESSAGE CALLHOME` and `EXPECT MESSAGE G0013` can both follow a FAIL.
   */
  private messageWindowDone = false;
  sink: JournalSink | null = null;
  private readonly initialSeed: number;

  constructor(
    readonly files: FilePort | null = null,
    seed = 1,
    engine?: Engine,
  ) {
    this.initialSeed = seed;
    this.engine = engine ?? new Engine(seed);
    this.engine.history = (time) => this.engineAt(time);
    this.engine.files = files;
  }

  validate(text: string): Validated {
    return validateText(text, scopeOf(this.engine.state), this.files);
  }

  /** Executes a validated command (or evaluates an EXPECT) and returns its record. */
  run(command: Command, source = 'runbook'): RunRecord {
    return whole(this.runInSlices(command, source));
  }

  /**
   * run() with a long command's work in slices, yielding its progress in between (the console host
   * shows it and takes a Cancel there). Stopped before it returns, the command has not been stored:
   * abandonRun() then puts the grid back as it was, so the command never ran.
   */
  *runInSlices(command: Command, source = 'runbook'): Sliced<RunRecord> {
    if (command.name === 'EXPECT' || command.name === 'EXPECT_MESSAGE') return this.expect(command);
    if (command.name === 'SHOW_RESULT') {
      const previous = this.lastRecord;
      return this.record(command, {
        ok: true,
        error: null,
        result: previous ? { line: previous.line, command: previous.command, ok: previous.ok, error: previous.error, result: previous.result } : null,
        messages: [],
      });
    }
    const startedAt = this.engine.state.now;
    const wallStart = performance.now();
    const outcome = yield* this.executeInSlices(command);
    const wallMs = performance.now() - wallStart;
    // After the work, so an abandoned command leaves the EXPECT MESSAGE window as it was too.
    if (this.messageWindowDone) {
      this.messagesSinceExpect = [];
      this.messageWindowDone = false;
    }
    const text = command.children ? [command.text, ...command.children.map((c) => c.text)].join('\n') : command.text;
    const entry: JournalRecord = { source, line: command.line, text, startedAt, endedAt: this.engine.state.now, outcome, wallMs };
    // Stored before shown: the effect counts only once the journal holds it. When the write fails the
    // grid goes back to what the database holds, which is the grid before this command.
    if (this.sink) {
      try {
        if (this.sink.appendInSlices) yield* this.sink.appendInSlices(entry, this.engine);
        else this.sink.append(entry, this.engine);
      } catch (error) {
        this.adoptEngine(this.sink.storedEngine());
        throw error;
      }
    }
    this.journal.push(entry);
    // One at a time: a week of production can raise more messages than a spread call takes arguments.
    for (const m of outcome.messages) this.messagesSinceExpect.push(m);
    const record = this.record(command, outcome);
    this.lastRecord = record;
    return record;
  }

  /**
   * A runInSlices() stopped before its end: the engine holds part of a command the journal does not,
   * so the present is rebuilt from what is stored (the database, else the journal in memory), exactly
   * as after a write the store refused.
   */
  abandonRun(): void {
    this.adoptEngine(this.sink ? this.sink.storedEngine() : this.replayJournal());
  }

  private replayJournal(): Engine {
    const replay = new Session(this.files, this.initialSeed);
    for (const entry of this.journal) replay.replay(entry.text);
    return replay.engine;
  }

  /** Takes `engine` as the present (after a restore, or to undo a command the store refused). */
  adoptEngine(engine: Engine): void {
    this.engine = engine;
    this.engine.history = (time) => this.engineAt(time);
    this.engine.files = this.files;
  }

  private execute(command: Command): Outcome {
    return whole(this.executeInSlices(command));
  }

  private *executeInSlices(command: Command): Sliced<Outcome> {
    if (!command.children) return yield* this.engine.executeInSlices(command);
    const messages: ConsoleMessage[] = [];
    const total = command.children.length;
    for (const [done, child] of command.children.entries()) {
      // The expanded lines of a SAMPLE or LOAD: progress counts lines, also while a long one works.
      yield { done, total };
      const work = this.engine.executeInSlices(child);
      let step = work.next();
      while (!step.done) {
        yield { done, total };
        step = work.next();
      }
      const outcome = step.value;
      for (const m of outcome.messages) messages.push(m);
      if (!outcome.ok) {
        return { ok: false, error: { code: outcome.error!.code, message: `${child.text}: ${outcome.error!.message}` }, result: null, messages };
      }
    }
    return { ok: true, error: null, result: this.engine.showGrid(), messages };
  }

  private record(command: Command, outcome: Outcome): RunRecord {
    return { line: command.line, command: command.text, time: isoTime(this.engine.state.now), ok: outcome.ok, error: outcome.error, result: outcome.result, messages: outcome.messages };
  }

  private expect(command: Command & { name: 'EXPECT' | 'EXPECT_MESSAGE' }): RunRecord {
    // Spec §10 (v2): a window runs since the command before the previous block of EXPECT lines, so
    // any EXPECT line closes the current one once the next command runs.
    this.messageWindowDone = true;
    let passed: boolean;
    let detail: Record<string, unknown>;
    if (command.name === 'EXPECT_MESSAGE') {
      const seen = this.messagesSinceExpect.some((m) => m.id === command.args.id || m.text.includes(`${command.args.id} `));
      passed = command.args.absent ? !seen : seen;
      detail = { message: command.args.id, expected: command.args.absent ? 'absent' : 'present', seen };
      this.messageWindowDone = true;
    } else {
      const target = this.lastRecord ? { ok: this.lastRecord.ok, error: this.lastRecord.error, result: this.lastRecord.result } : {};
      const { found, value } = lookup(target, command.args.path);
      passed = holds(found, value, command.args.op, command.args.value);
      detail = { path: command.args.path, op: command.args.op, expected: command.args.value, actual: found ? value : '(missing)' };
    }
    const error = passed ? null : { code: 'EXPECT_FAILED', message: describeFailure(command, detail) };
    return { line: command.line, command: command.text, time: isoTime(this.engine.state.now), ok: passed, error, result: detail, messages: [] };
  }

  /** The grid as it was at `time`: from the store's checkpoints, else by replaying the journal. */
  engineAt(time: number): Engine {
    const fromSink = this.sink?.engineAt?.(time);
    if (fromSink) return fromSink;
    const replay = new Session(this.files, this.initialSeed);
    for (const entry of this.journal) {
      if (entry.endedAt > time) break;
      replay.replay(entry.text);
    }
    advanceTo(replay.engine.state, time);
    return replay.engine;
  }

  /**
   * Re-executes journaled text; it validated once, so an error now means the journal is damaged.
   * SAMPLE and LOAD were journaled with the lines they expanded to, so a changed file cannot alter history.
   */
  replay(text: string, stored?: JournalRecord): void {
    const lines = text.split('\n');
    const body = lines.length > 1 ? lines.slice(1).join('\n') : text;
    const validated = this.validate(body);
    if (validated.errors.length > 0) throw new Error(`journal replay: line ${validated.errors[0]!.line}: ${validated.errors[0]!.message}`);
    // SHOW, HELP and EXPECT change nothing: only commands that act are re-executed, and they write no files.
    this.engine.replaying = true;
    try {
      for (const command of validated.commands) if (COMMANDS[command.name].effect === 'act') this.execute(command);
    } finally {
      this.engine.replaying = false;
    }
    this.journal.push(stored ?? { source: 'replay', line: null, text, startedAt: 0, endedAt: this.engine.state.now, outcome: { ok: true, error: null, result: null, messages: [] }, wallMs: 0 });
  }
}

function describeFailure(command: Command, detail: Record<string, unknown>): string {
  if (command.name === 'EXPECT_MESSAGE') {
    return command.args.absent ? `message ${command.args.id} was raised` : `message ${command.args.id} was not raised`;
  }
  return `expected ${String(detail.path)} ${String(detail.op)} ${JSON.stringify(detail.expected)}, got ${JSON.stringify(detail.actual)}`;
}
