// docs/runbook-language.md, written from the command table (issue 14 item 1): the index, then one
// section per domain with each command's syntax, arguments, result shape, error codes and an example.
// `npm run docs` writes it; a unit test fails while the committed file differs.

import { DOMAINS, type AnySpec, type Domain } from './spec.js';
import { shapeText } from './help.js';

const anchor = (spec: AnySpec) => spec.name.toLowerCase().replace(/_/g, '-');

function section(spec: AnySpec): string[] {
  const out = [
    `### ${spec.words}${spec.words.replace(/ /g, '_') === spec.name ? '' : ` (${spec.name})`}`,
    '',
    `<a id="${anchor(spec)}"></a>${spec.summary}`,
    '',
    '```',
    spec.syntax,
    '```',
    '',
    spec.help,
    '',
  ];
  if (spec.args.length > 0) {
    out.push('| Argument | Meaning |', '| --- | --- |');
    for (const a of spec.args) out.push(`| \`${a.name.replace(/\|/g, '\\|')}\` | ${a.text.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  out.push(`Result: \`${shapeText(spec.result).replace(/`/g, "'")}\``, '');
  out.push(`Errors: ${spec.errors.length > 0 ? spec.errors.map((e) => `\`${e}\``).join(', ') : 'none of its own (validation errors name the line and column)'}`, '');
  out.push('Example:', '', '```', spec.example, '```', '');
  return out;
}

export function languageReference(specs: readonly AnySpec[]): string {
  const out = [
    '# The TimeZero runbook language',
    '',
    '<!-- Generated from the command table (core/commands/) by `npm run docs`; do not edit by hand. -->',
    '',
    'Every command a runbook, the Console or a wizard can issue, by domain. The specification is',
    '`../shared/spec/runbook.md`; this reference is what this build parses. In the Console, `HELP` lists',
    'the commands and `HELP <command>` explains one.',
    '',
    '## Index',
    '',
  ];
  const domains = Object.keys(DOMAINS).filter((d): d is Domain => d in DOMAINS);
  for (const d of domains) {
    const inDomain = specs.filter((s) => s.domain === d);
    out.push(`- **${DOMAINS[d]}**: ${inDomain.map((s) => `[${s.words}${inDomain.filter((t) => t.words === s.words).length > 1 ? ` (${s.name})` : ''}](#${anchor(s)})`).join(', ')}`);
  }
  out.push('');
  for (const d of domains) {
    out.push(`## ${DOMAINS[d]}`, '');
    for (const spec of specs.filter((s) => s.domain === d)) out.push(...section(spec));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
