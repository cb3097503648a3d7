// The words for a previous run that ended abnormally: shared by the notice and the Console pane.

import type { PreviousRunDto } from '../../contract/api';

export function describePreviousRun(run: PreviousRunDto): string {
  const who = [run.program ?? 'a program', run.pid !== null ? `PID ${run.pid}` : null, run.since ? `since ${run.since}` : null].filter(Boolean).join(', ');
  const last = run.lastCommand ? ` The last was #${run.lastCommand.seq} “${run.lastCommand.text}” (ended ${run.lastCommand.time}).` : '';
  const restarts =
    run.restarts.length > 0 ? ` On restart: ${run.restarts.map((r) => `${r.command.replace(/^# /, '').split(':')[0]} (${r.messages.map((m) => m.id).join(', ') || 'no messages'})`).join('; ')}.` : '';
  return `The previous run (${who}) ended abnormally. The journal kept ${run.commandsKept.toLocaleString('en-US')} command(s); the grid was rebuilt from them and only a command in flight could be lost.${last}${restarts}`;
}
