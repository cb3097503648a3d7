// The parts every policy form is made of: the form that issues its one runbook line (with the line, or
// its first problem, shown before anything is issued) and a labelled text field.

import type { ReactNode } from 'react';
import type { Built } from './lines';
import { FormProblem } from './Problem';
import type { IssueLine } from './use-policies';

export function PolicyForm(props: {
  /** the form's accessible name */
  label: string;
  title: ReactNode;
  built: Built;
  /** the id the problem line takes (fields name it with aria-describedby) */
  problemId: string;
  busy: boolean;
  issue: IssueLine;
  submit: ReactNode;
  /** false keeps the submit button disabled and the problem line hidden (nothing changed yet) */
  ready?: boolean;
  primary?: boolean;
  className?: string;
  host?: string;
  /** buttons after the submit button */
  buttons?: ReactNode;
  children: ReactNode;
}) {
  const { built, ready = true, primary = true } = props;
  return (
    <form
      className={props.className ?? 'pol-form'}
      aria-label={props.label}
      data-host={props.host}
      onSubmit={(e) => {
        e.preventDefault();
        if ('line' in built) void props.issue(built.line);
      }}
    >
      <h3>{props.title}</h3>
      <div className="pol-fields">{props.children}</div>
      {ready ? <FormProblem built={built} id={props.problemId} /> : null}
      <div className="button-row">
        <button type="submit" className={primary ? 'primary' : undefined} disabled={props.busy || !ready || !('line' in built)}>
          {props.submit}
        </button>
        {props.buttons}
      </div>
    </form>
  );
}

/** A label and its monospace text input; the value is trimmed as typed unless `trim` is false. */
export function TextField(props: {
  id: string;
  label: string;
  size: number;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  /** a datalist of suggestions */
  list?: string;
  describedBy?: string;
  trim?: boolean;
  /** shown after the input, in the same cell */
  after?: ReactNode;
}) {
  const { trim = true } = props;
  const input = (
    <input
      id={props.id}
      className="mono"
      size={props.size}
      list={props.list}
      placeholder={props.placeholder}
      disabled={props.disabled}
      value={props.value}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onChange(trim ? e.target.value.trim() : e.target.value)}
    />
  );
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      {props.after === undefined ? (
        input
      ) : (
        <div>
          {input}
          {props.after}
        </div>
      )}
    </>
  );
}
