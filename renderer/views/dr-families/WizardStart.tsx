// Choosing a DR test and filling its parameters: the five wizards (Redbook §11.10.1–4 and the
// FlashCopy DR-family test of seed 000), a form that starts from what the wizard would use on this
// grid, each problem shown beside its field, and Start only when the host would accept it.

import { useEffect, useId, useMemo, useState } from 'react';
import { useStore } from '../../state/store';
import { fieldsFor, formFrom, validate, type FieldKey, type Form } from './wizard-form';
import { startWizard, useWizard, type WizardInfo } from './wizard-store';

export function WizardStart({ wizards, disabled }: { wizards: WizardInfo[]; disabled: boolean }) {
  const id = useId();
  const [wizardId, setWizardId] = useState(wizards[0]!.id);
  const wizard = wizards.find((w) => w.id === wizardId) ?? wizards[0]!;
  const [forms, setForms] = useState<Record<string, Form>>({});
  const form = forms[wizard.id] ?? formFrom(wizard.defaults);
  const [touched, setTouched] = useState(false);
  const busy = useWizard((s) => s.busy);
  const startError = useWizard((s) => s.startError);
  const clusterNames = useStore((s) => (s.grid ? Object.keys(s.grid.clusters).join(',') : ''));
  const hostNames = useStore((s) => (s.grid ? s.grid.hosts.map((h) => h.name).join(',') : ''));
  const grid = useMemo(() => ({ clusters: clusterNames ? clusterNames.split(',') : [], hosts: hostNames ? hostNames.split(',') : [] }), [clusterNames, hostNames]);
  const { params, problems } = useMemo(() => validate(form, wizard.id, grid), [form, wizard.id, grid]);
  const hostProblem = startError?.field ? { [startError.field]: startError.message } : {};
  const shown: Partial<Record<FieldKey, string>> = { ...hostProblem, ...problems };

  // A refusal was about the wizard it was for.
  useEffect(() => {
    useWizard.setState({ startError: null });
  }, [wizardId]);

  const edit = (key: FieldKey, value: string) => {
    setTouched(true);
    setForms((f) => ({ ...f, [wizard.id]: { ...form, [key]: value } }));
  };

  return (
    <form
      className="wizard-start"
      aria-label="Start a DR test"
      onSubmit={(e) => {
        e.preventDefault();
        if (params) void startWizard(wizard.id, params);
      }}
    >
      <fieldset className="wizard-choices">
        <legend>DR test procedure</legend>
        {wizards.map((w) => (
          <label key={w.id} className={`wizard-choice${w.id === wizard.id ? ' is-chosen' : ''}`}>
            <input type="radio" name={`${id}-wizard`} value={w.id} checked={w.id === wizard.id} onChange={() => setWizardId(w.id)} />
            <span>
              <strong>{w.title}</strong> <span className="muted small">{w.source}</span>
              <br />
              <span className="small">{w.summary}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset className="wizard-params">
        <legend>Parameters of “{wizard.title}”</legend>
        <datalist id={`${id}-clusters`}>
          {grid.clusters.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <datalist id={`${id}-hosts`}>
          {grid.hosts.map((h) => (
            <option key={h} value={h} />
          ))}
        </datalist>
        <div className="param-grid">
          {fieldsFor(wizard.id).map((f) => {
            const inputId = `${id}-${f.key.replace('.', '-')}`;
            const problem = shown[f.key];
            return (
              <div key={f.key} className="param">
                <label htmlFor={inputId}>{f.label}</label>
                <input
                  id={inputId}
                  className="mono"
                  value={form[f.key]}
                  list={f.list ? `${id}-${f.list}` : undefined}
                  inputMode={f.key === 'testWrites' ? 'numeric' : undefined}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={`${inputId}-note`}
                  onChange={(e) => edit(f.key, e.target.value)}
                />
                <span id={`${inputId}-note`} className={problem ? 'field-problem' : 'muted small'}>
                  {problem ?? f.hint ?? ''}
                </span>
              </div>
            );
          })}
        </div>
      </fieldset>
      {startError && !startError.field ? (
        <p className="field-problem" role="alert">
          {startError.message}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" disabled={disabled || busy || !params}>
          Start the test
        </button>
        {touched ? (
          <button
            type="button"
            onClick={() => {
              setForms((f) => ({ ...f, [wizard.id]: formFrom(wizard.defaults) }));
              setTouched(false);
            }}
          >
            Reset to this grid’s defaults
          </button>
        ) : null}
        <span className="muted small" role="status">
          {params ? 'Ready: each step is checked against the grid before it acts.' : `${Object.keys(problems).length} field${Object.keys(problems).length === 1 ? '' : 's'} to correct`}
        </span>
      </div>
    </form>
  );
}
