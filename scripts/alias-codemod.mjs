#!/usr/bin/env node
// Issue 8: rewrites every relative import that climbs two levels or more (`../../…`) into the path alias
// of the folder it points to (`@shared/…`, `@main/…`, `@renderer/…`, as listed in tsconfig.base.json's
// `paths`). It has rewritten the tree once; run it again on a branch that still climbs:
//
//   node scripts/alias-codemod.mjs [repo]          (default: the current directory)
//   node scripts/alias-codemod.mjs [repo] --check  (lists what it would change; exits 1 if anything)
//
// It finds module specifiers with TypeScript's parser (the repo's own typescript package): import and
// export declarations (single- or multi-line, type-only too), import('…') in code and in types,
// require('…'), and vi.mock/doMock/unmock/importActual/importMock('…'). Only the string's text changes.
// Then: npm run typecheck && npm run lint && npm run build && npm run test:unit. `npm run lint` refuses a
// deep relative import from then on (noDeepRelativeImports in eslint.config.mjs).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const root = resolve(args.find((a) => !a.startsWith('--')) ?? '.');
const ts = createRequire(join(root, 'package.json'))('typescript');
const toPosix = (p) => p.split(sep).join('/');

const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
// [alias prefix, folder from the root]: '@shared/' ↔ 'src/shared/', longest folder first.
const aliases = Object.entries(paths)
  .map(([alias, [target]]) => [alias.replace(/\*$/, ''), toPosix(target).replace(/^\.\//, '').replace(/\*$/, '')])
  .sort((a, b) => b[1].length - a[1].length);

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '--', 'src', 'e2e', 'bench', 'scripts', '*.ts', '*.mts'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|mts|cts|mjs|js)$/.test(f) && !f.endsWith('.d.ts'));

const mockCalls = new Set(['mock', 'doMock', 'unmock', 'doUnmock', 'importActual', 'importMock']);

/** The string-literal nodes that name a module in this file. */
function specifiers(source) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal);
    else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) found.push(node.expression);
    else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isMock = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'vi' && mockCalls.has(callee.name.text);
      if (isImport || isRequire || isMock) found.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The alias for a relative specifier climbing two levels or more, or null to leave it. */
function aliasFor(file, spec) {
  if (!/^(\.\.\/){2,}/.test(spec)) return null;
  const target = toPosix(relative(root, resolve(root, dirname(file), spec)));
  for (const [alias, folder] of aliases) if (target.startsWith(folder)) return alias + target.slice(folder.length);
  return undefined;
}

let changedFiles = 0;
let rewritten = 0;
const leftAlone = [];
for (const file of files) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.(mjs|js)$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  for (const literal of specifiers(source)) {
    const alias = aliasFor(file, literal.text);
    if (alias === null) continue;
    if (alias === undefined) {
      leftAlone.push(`${file}: ${literal.text} (outside every alias folder)`);
      continue;
    }
    // Keep the quote character; replace only the text between the quotes.
    edits.push({ start: literal.getStart(source) + 1, end: literal.getEnd() - 1, text: alias, from: literal.text });
  }
  if (edits.length === 0) continue;
  changedFiles += 1;
  rewritten += edits.length;
  if (check) {
    for (const e of edits) console.log(`${file}: ${e.from} → ${e.text}`);
    continue;
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  writeFileSync(path, out);
}

for (const line of leftAlone) console.log(`left alone: ${line}`);
console.log(`${check ? 'Would rewrite' : 'Rewrote'} ${rewritten} imports in ${changedFiles} files (${files.length} files scanned).`);
if (check && rewritten > 0) process.exit(1);
