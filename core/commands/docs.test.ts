// docs/runbook-language.md is what the command table says: regenerate with `npm run docs`.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPECS } from './index.js';
import { languageReference } from './docs.js';

describe('docs/runbook-language.md', () => {
  const committed = readFileSync(new URL('../../docs/runbook-language.md', import.meta.url), 'utf8');

  it('is up to date with the command table (npm run docs)', () => {
    expect(committed).toBe(languageReference(SPECS));
  });

  it('has a section, a syntax and an example for every command', () => {
    for (const spec of SPECS) {
      expect(committed).toContain(`<a id="${spec.name.toLowerCase().replace(/_/g, '-')}"></a>`);
      expect(committed).toContain(`\n${spec.syntax}\n`);
      expect(committed).toContain(`\n${spec.example}\n`);
    }
  });
});
