#!/usr/bin/env node
// Counts the type assertions the compiler takes on trust — non-null assertions (`x!`) and `as` casts
// (not `as const`) — in the project's TypeScript, per top folder. Issue 15 halved them (1687 and 511);
// `npm run lint` runs this with the ceilings below so they cannot creep back.
//   node scripts/count-assertions.mjs [root] [--max-non-null N --max-casts N]

import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? null : Number(args[i + 1]);
};
const root = args[0] && !args[0].startsWith('--') ? args[0] : '.';
const files = execSync('git ls-files "*.ts" "*.tsx"', { cwd: root }).toString().trim().split('\n').filter(Boolean);
const per = {};
let nonNull = 0;
let casts = 0;
for (const f of files) {
  const src = ts.createSourceFile(f, readFileSync(`${root}/${f}`, 'utf8'), ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const top = f.split('/')[0];
  per[top] ??= { nonNull: 0, casts: 0 };
  const visit = (n) => {
    if (n.kind === ts.SyntaxKind.NonNullExpression) {
      nonNull++;
      per[top].nonNull++;
    }
    const isConst = n.type?.kind === ts.SyntaxKind.TypeReference && n.type.typeName?.escapedText === 'const';
    if ((n.kind === ts.SyntaxKind.AsExpression || n.kind === ts.SyntaxKind.TypeAssertionExpression) && !isConst) {
      casts++;
      per[top].casts++;
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
console.log(JSON.stringify(per));
console.log(`non-null: ${nonNull}, as: ${casts}`);
const maxNonNull = flag('--max-non-null');
const maxCasts = flag('--max-casts');
const over = [];
if (maxNonNull !== null && nonNull > maxNonNull) over.push(`${nonNull} non-null assertions (at most ${maxNonNull})`);
if (maxCasts !== null && casts > maxCasts) over.push(`${casts} casts (at most ${maxCasts})`);
if (over.length > 0) {
  console.error(`count-assertions: ${over.join(', ')}: narrow the type instead of asserting it`);
  process.exit(1);
}
