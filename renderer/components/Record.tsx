// One result record as the console shows it: line, command, outcome (EXPECT pass/fail), the console
// messages raised while it ran in z/OS form, and the result object on demand.

import type { RunRecordDto } from '../../contract/api';
import { shortTime, zosMessage } from '../lib/format';

export function isExpect(record: RunRecordDto): boolean {
  return /^\s*EXPECT\b/i.test(record.command);
}

export function Message({ message }: { message: RunRecordDto['messages'][number] }) {
  return (
    <div className="msg" data-message-id={message.id}>
      <time className="msg-time" dateTime={message.time}>
        {shortTime(message.time)}
      </time>{' '}
      <span className={`msg-text sev-${message.id.slice(-1)}`}>{zosMessage(message)}</span>
    </div>
  );
}

function summary(result: unknown): string {
  if (result === null || result === undefined) return '';
  const text = JSON.stringify(result);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function Record({ record, showLine = true }: { record: RunRecordDto; showLine?: boolean }) {
  const expect = isExpect(record);
  const outcome = expect ? (record.ok ? 'EXPECT passed' : 'EXPECT failed') : record.ok ? 'ok' : `refused ${record.error?.code ?? ''}`;
  return (
    <div className={`record ${record.ok ? 'record-ok' : 'record-bad'}${expect ? ' record-expect' : ''}`} data-line={record.line}>
      <div className="record-head">
        {showLine ? <span className="record-line mono">{record.line}</span> : null}
        <code className="record-command">{record.command}</code>
        <span className={`badge ${record.ok ? 'badge-ok' : 'badge-bad'}`}>{outcome}</span>
        <time className="record-time mono" dateTime={record.time}>
          {shortTime(record.time)}
        </time>
      </div>
      {record.error ? (
        <div className="record-error">
          <span className="mono">{record.error.code}</span> {record.error.message}
        </div>
      ) : null}
      {record.messages.length > 0 ? (
        <div className="record-messages">
          {record.messages.map((m, i) => (
            <Message key={i} message={m} />
          ))}
        </div>
      ) : null}
      {!expect && record.result !== null && record.result !== undefined ? (
        <details className="record-result">
          <summary>
            result <span className="muted mono">{summary(record.result)}</span>
          </summary>
          <pre>{JSON.stringify(record.result, null, 2)}</pre>
        </details>
      ) : null}
    </div>
  );
}
