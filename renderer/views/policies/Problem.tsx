// The first problem of a policy form, in words, naming the field: shown before anything is issued.

import type { Built } from './lines';

export function FormProblem({ built, id }: { built: Built; id: string }) {
  if ('line' in built) {
    return (
      <p className="small muted pol-preview" id={id}>
        Issues <code>{built.line}</code>
      </p>
    );
  }
  return (
    <p className="field-problem small" id={id} role="status">
      {built.field}: {built.problem}
    </p>
  );
}
