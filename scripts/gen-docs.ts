// npm run docs: writes docs/runbook-language.md from the command table.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SPECS } from '../core/commands/index.js';
import { languageReference } from '../core/commands/docs.js';

const target = fileURLToPath(new URL('../docs/runbook-language.md', import.meta.url));
writeFileSync(target, languageReference(SPECS));
console.log(`wrote ${target}`);
