// Counts non-null assertions and `as` casts (not `as const`) in the project's TypeScript, per top folder.
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const root = process.argv[2] ?? '.';
const files = execSync('git ls-files "*.ts" "*.tsx"', { cwd: root }).toString().trim().split('\n').filter((f) => !f.includes('node_modules'));
const per = {};
let nn = 0, as = 0;
for (const f of files) {
  const src = ts.createSourceFile(f, readFileSync(`${root}/${f}`, 'utf8'), ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const top = f.split('/')[0];
  per[top] ??= { nn: 0, as: 0 };
  const visit = (n) => {
    if (n.kind === ts.SyntaxKind.NonNullExpression) { nn++; per[top].nn++; }
    if ((n.kind === ts.SyntaxKind.AsExpression || n.kind === ts.SyntaxKind.TypeAssertionExpression) && !(n.type && n.type.kind === ts.SyntaxKind.TypeReference && n.type.typeName?.escapedText === 'const')) { as++; per[top].as++; }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
console.log(JSON.stringify(per));
console.log(`non-null: ${nn}, as: ${as}`);
