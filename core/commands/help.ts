// What HELP answers (issue 14 item 1): the commands by domain with their summaries, or one command's
// syntax, arguments, result shape, error codes and an example. docs/runbook-language.md says the same.

import { z } from 'zod';
import type { CommandArgs } from '../runbook/commands.js';
import { DOMAINS, type AnySpec, type CommandTable } from './spec.js';

export interface CommandHelp {
  command: string;
  name: string;
  domain: string;
  syntax: string;
  summary: string;
  help: string;
  arguments: { name: string; text: string }[];
  result: string;
  errors: string[];
  example: string;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
};

/** A result schema as one line a reader can follow: `{ cluster: string, copies?: { [key]: … } }`. */
export function shapeText(schema: z.ZodType): string {
  let json: JsonSchema;
  try {
    json = JSON.parse(JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' })));
  } catch {
    return 'any';
  }
  return shape(json, 0);
}

function shape(s: JsonSchema, depth: number): string {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return [...new Set(alternatives.map((a) => shape(a, depth)))].join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(' | ');
  if (Array.isArray(s.type)) return s.type.join(' | ');
  if (s.type === 'array') return `${s.items ? wrap(shape(s.items, depth)) : 'any'}[]`;
  if (s.type === 'object' || s.properties) {
    if (depth >= 2) return '{ … }';
    const props = Object.entries(s.properties ?? {});
    if (props.length === 0) {
      const extra = s.additionalProperties;
      return typeof extra === 'object' ? `{ [key]: ${shape(extra, depth + 1)} }` : '{}';
    }
    const required = new Set(s.required ?? []);
    return `{ ${props.map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${shape(v, depth + 1)}`).join(', ')} }`;
  }
  return s.type ?? 'any';
}

const wrap = (text: string) => (text.includes(' | ') ? `(${text})` : text);

export function describeCommand(spec: AnySpec): CommandHelp {
  return {
    command: spec.words,
    name: spec.name,
    domain: DOMAINS[spec.domain],
    syntax: spec.syntax,
    summary: spec.summary,
    help: spec.help,
    arguments: spec.args.map((a) => ({ name: a.name, text: a.text })),
    result: shapeText(spec.result),
    errors: [...spec.errors],
    example: spec.example,
  };
}

/** HELP's result. */
export function helpResult(commands: CommandTable, args: CommandArgs['HELP']) {
  const specs: AnySpec[] = Object.values(commands);
  if (args.topic === null) {
    const domains = Object.entries(DOMAINS).map(([key, title]) => ({
      domain: title,
      commands: specs.filter((s) => s.domain === key).map((s) => ({ command: s.words, syntax: s.syntax, summary: s.summary })),
    }));
    return { topic: null, domains };
  }
  const chosen = args.names.map((name) => commands[name]);
  return { topic: args.topic, commands: chosen.map(describeCommand) };
}
