import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The source files of the project that import things: TypeScript, JavaScript modules, and the scripts of `.astro` components. */
const SOURCE = /\.(ts|mts|mjs|js|astro)$/;

/** Every source file below `dir`, skipping test fixtures (pages and snips, not code of ours) and generated bundles. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** The code of a file as TypeScript sees it: an `.astro` component's front matter script and its `<script>` blocks. */
function codeOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

/**
 * What `text` imports: static imports and re-exports (type-only ones too), dynamic `import()`,
 * `require()`, as the TypeScript compiler's own pre-processor reads them (comments and strings
 * that merely mention a module do not count).
 */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The file a relative specifier names, or undefined for a package or a file that is not there. */
export function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.mts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  // `./x.js` written for a `./x.ts` (TypeScript's own convention).
  const ts = base.replace(/\.m?js$/, (ext) => (ext === '.mjs' ? '.mts' : '.ts'));
  return existsSync(ts) ? ts : undefined;
}

export interface ImportGraph {
  /** file → the files of the graph it imports */
  edges: Map<string, string[]>;
  /** file → the packages and built-in modules it imports */
  external: Map<string, string[]>;
}

export function importGraph(files: readonly string[]): ImportGraph {
  const edges = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  const inGraph = new Set(files);
  for (const file of files) {
    const specs = importsOf(codeOf(file));
    edges.set(
      file,
      specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== undefined && inGraph.has(f)),
    );
    external.set(file, specs.filter((s) => !s.startsWith('.')));
  }
  return { edges, external };
}

/** The import cycles of a graph: each strongly connected component of more than one file, or a file importing itself (Tarjan). */
export function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

export const shown = (root: string, files: readonly string[]) => files.map((f) => relative(root, f));
