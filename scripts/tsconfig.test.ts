// One TypeScript project per process (see tsconfig.json): each source file is checked by a project whose
// globals match where it runs, and none goes unchecked.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './aliases';

function parse(file: string): ts.ParsedCommandLine {
  const { config, error } = ts.readConfigFile(join(repoRoot, file), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, repoRoot, undefined, join(repoRoot, file));
}

const root = parse('tsconfig.json');
const projects = Object.fromEntries(root.projectReferences!.map((ref) => [relative(repoRoot, ref.path), parse(relative(repoRoot, ref.path))]));
const filesOf = (project: string) => projects[project]!.fileNames.map((f) => relative(repoRoot, f));
const libs = (project: string) => (projects[project]!.options.lib ?? []).map((l) => l.toLowerCase());

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'artifacts' ? [] : sources(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('TypeScript projects', () => {
  it('are the node, web and web-test projects', () => {
    expect(Object.keys(projects).sort()).toEqual(['tsconfig.node.json', 'tsconfig.web-test.json', 'tsconfig.web.json']);
  });

  it('check every TypeScript file of the repository', () => {
    const checked = new Set(Object.keys(projects).flatMap(filesOf));
    const all = [...['src', 'e2e', 'bench', 'scripts'].flatMap(sources), ...readdirSync(repoRoot).filter((f) => /\.(ts|mts)$/.test(f))];
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter((file) => !checked.has(file))).toEqual([]);
  });

  it('give the main process, preload and shared code Node and no DOM', () => {
    expect(projects['tsconfig.node.json']!.options.types).toEqual(['node']);
    expect(libs('tsconfig.node.json').filter((l) => l.includes('dom'))).toEqual([]);
    const files = filesOf('tsconfig.node.json');
    expect(files.some((f) => f.startsWith('src/main/'))).toBe(true);
    expect(files).toContain('src/preload/index.ts');
    expect(files.filter((f) => f.startsWith('src/renderer/') || f.startsWith('e2e/'))).toEqual([]);
  });

  it('give the renderer and the shared code it imports the DOM and no Node', () => {
    expect(projects['tsconfig.web.json']!.options.types).toEqual(['vite/client']);
    expect(libs('tsconfig.web.json')).toContain('lib.dom.d.ts');
    const files = filesOf('tsconfig.web.json');
    expect(files).toContain('src/renderer/src/main.tsx');
    expect(files).toContain('src/shared/errors.ts');
    expect(files.filter((f) => !f.startsWith('src/renderer/src/') && !f.startsWith('src/shared/'))).toEqual([]);
    // Tests import vitest, whose types bring Node's: they are checked in tsconfig.web-test.json.
    expect(files.filter((f) => /\.test\.tsx?$/.test(f))).toEqual([]);
  });
});
