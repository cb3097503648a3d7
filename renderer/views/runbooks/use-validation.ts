// Validates the editor's text on change (runbook.validate), settling briefly while the operator types.
// Answers to older text are ignored.

import { useEffect, useRef, useState } from 'react';
import type { LineErrorDto } from '../../../contract/api';
import { client } from '../../api/client';
import { reportError } from '../../state/actions';

export interface Validation {
  text: string;
  errors: LineErrorDto[];
  commands: number;
}

export function useValidation(text: string, delayMs = 250): { validation: Validation | null; checking: boolean } {
  const [validation, setValidation] = useState<Validation | null>(null);
  const [checking, setChecking] = useState(false);
  const latest = useRef(text);
  useEffect(() => {
    latest.current = text;
    setChecking(true);
    const timer = setTimeout(() => {
      client()
        .call('runbook.validate', { text })
        .then((v) => {
          if (latest.current !== text) return;
          setValidation({ text, errors: v.errors, commands: v.commands });
          setChecking(false);
        })
        .catch((e) => {
          if (latest.current !== text) return;
          setChecking(false);
          reportError(e, 'runbook.validate');
        });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return { validation, checking };
}
