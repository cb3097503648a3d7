// Test rig: drives a Session with runbook text, the way an operator (or `timezero run`) would, so rule
// tests read like the runbooks they stand for. Used only by *.test.ts files.

import { Session, type RunRecord } from '../session.js';
import { EPOCH_START } from '../sim/time.js';

export class Rig {
  readonly session: Session;

  constructor(text = '', seed = 1) {
    this.session = new Session(null, seed);
    if (text) this.all(text);
  }

  /** Runs every line of `text`; throws on a validation error or on any refused command. */
  all(text: string): RunRecord[] {
    const records = this.lines(text);
    const refused = records.find((r) => !r.ok);
    if (refused) throw new Error(`line ${refused.line} '${refused.command}' refused: ${refused.error?.code} ${refused.error?.message}`);
    return records;
  }

  /** Runs every line of `text` and returns the records, refused or not. */
  lines(text: string): RunRecord[] {
    const validated = this.session.validate(text);
    if (validated.errors.length > 0) throw new Error(validated.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
    return validated.commands.map((command) => this.session.run(command, 'test'));
  }

  /** One command; returns its record whatever the outcome. */
  do(line: string): RunRecord {
    const records = this.lines(line);
    if (records.length !== 1) throw new Error(`expected one command in '${line}'`);
    return records[0]!;
  }

  /** One command that must succeed; returns its result. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked field by field
  ok(line: string): any {
    const record = this.do(line);
    if (!record.ok) throw new Error(`'${line}' refused: ${record.error?.code} ${record.error?.message}`);
    return record.result;
  }

  /** One command that must be refused; returns its error code. */
  refused(line: string): string {
    const record = this.do(line);
    if (record.ok) throw new Error(`'${line}' was not refused: ${JSON.stringify(record.result)}`);
    return record.error!.code;
  }

  /** Milliseconds since the simulated epoch start (spec §1: 2026-01-01T00:00:00Z). */
  get elapsedMs(): number {
    return this.session.engine.state.now - EPOCH_START;
  }

  /** Message ids raised by the record(s), CBR3750I unwrapped to the G-message it carries. */
  static messageIds(...records: RunRecord[]): string[] {
    return records.flatMap((r) => r.messages.map((m) => (m.id === 'CBR3750I' ? (/: (G\d{4}) /.exec(m.text)?.[1] ?? m.id) : m.id)));
  }
}
