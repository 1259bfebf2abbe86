// ESLint plugin `boundaries`: which folder may import what (see ARCHITECTURE.md, "Layout"). An import is
// resolved to where it points — a repository path for relative and alias imports (`@shared/…`), or a
// package name — before the policy in eslint.config.mjs is applied, so `../../main/app`, `@main/app` and
// `import('…')` are judged alike.
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const toPosix = (path) => path.split(sep).join('/');
const isTestFile = (file) => /\.test\.tsx?$/.test(file);

/** `@shared/*` → `src/shared/`, from the root tsconfig.base.json, as tsc, tsx and Vite read it. */
function aliasesOf(root) {
  try {
    const { paths = {} } = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')).compilerOptions ?? {};
    return Object.entries(paths).map(([alias, [target]]) => [alias.replace(/\*$/, ''), toPosix(target.replace(/^\.\//, '').replace(/\*$/, ''))]);
  } catch {
    return [];
  }
}

/** Where an import points: `{ path }` inside the repository, or `{ pkg }` (`node:` for Node's own modules). */
function targetOf(source, file, root, aliases) {
  if (source.startsWith('.') || source.startsWith('/')) return { path: toPosix(relative(root, resolve(dirname(file), source))) };
  for (const [prefix, folder] of aliases) if (source.startsWith(prefix)) return { path: folder + source.slice(prefix.length) };
  if (isBuiltin(source)) return { pkg: 'node:' };
  const parts = source.split('/');
  return { pkg: source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

/** A policy entry names folders (`src/main/`), files (`src/main/app.ts`) or packages (`zod`, `node:`). */
function matches(entry, target) {
  if (target.pkg !== undefined) return entry === target.pkg;
  if (entry.endsWith('/')) return `${target.path}/`.startsWith(entry);
  return target.path === entry || target.path === entry.replace(/\.(ts|tsx|mts|mjs|js)$/, '');
}

const within = (file, prefixes) => prefixes.some((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix));

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each process and layer to the imports it is allowed (ARCHITECTURE.md)' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            from: { type: 'array', items: { type: 'string' } },
            except: { type: 'array', items: { type: 'string' } },
            disallow: { type: 'array', items: { type: 'string' } },
            allowOnly: { type: 'array', items: { type: 'string' } },
            files: { enum: ['all', 'sources', 'tests'] },
            typeImports: { type: 'boolean' },
            because: { type: 'string' },
          },
          required: ['from', 'because'],
          additionalProperties: false,
        },
      },
    ],
    messages: { refused: '{{file}} may not import "{{source}}": {{because}}.' },
  },
  create(context) {
    const root = context.cwd;
    const file = toPosix(relative(root, context.filename));
    const policies = (context.options[0] ?? []).filter(
      (p) =>
        within(file, p.from) &&
        !within(file, p.except ?? []) &&
        (p.files === undefined || p.files === 'all' || (p.files === 'tests') === isTestFile(file)),
    );
    if (policies.length === 0) return {};
    const aliases = aliasesOf(root);

    function check(node, sourceNode, typeOnly) {
      if (!sourceNode || typeof sourceNode.value !== 'string') return;
      const source = sourceNode.value;
      const target = targetOf(source, context.filename, root, aliases);
      for (const p of policies) {
        if (typeOnly && p.typeImports === false) continue;
        const refused = p.allowOnly ? !p.allowOnly.some((entry) => matches(entry, target)) : (p.disallow ?? []).some((entry) => matches(entry, target));
        if (refused) {
          context.report({ node: sourceNode, messageId: 'refused', data: { file, source, because: p.because } });
          return;
        }
      }
    }

    const onlyTypes = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source, onlyTypes(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, onlyTypes(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
      TSExternalModuleReference: (node) => check(node, node.expression, false),
    };
  },
};

export default { meta: { name: 'boundaries' }, rules: { imports: rule } };
