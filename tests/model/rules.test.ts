/**
 * The rule registry (src/model/rules/), walked: every rule has a doc page naming its codes, and for
 * every finding code a seeded page (tests/fixtures/rules/pages/<code>.md) gets that one finding, once,
 * from every tool the registry says it applies in (lint, the editor bundle, `npm run snips`, the
 * site build's check of the tree), and nothing from the others.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule as MarkdownlintRule } from 'markdownlint';
import { lint as markdownlint } from 'markdownlint/promise';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { bundlePath } from '../../src/lint/bundle.ts';
import { runLint, type LintResult } from '../../src/lint/run.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { run } from '../../src/process/index.ts';
import { codesIn, ruleDocPath, ruleOfCode, rules, treeChecks, type Tool } from '../../src/model/rules/index.ts';
import { checkTreeForSite } from '../../src/site/validate-tree.ts';
import { generateTreeSnips } from '../../src/snips/tree.ts';
import { readMarkers } from '../lint/markers.ts';

const fixtures = join(projectRoot, 'tests/fixtures/rules');
const codes = rules.flatMap((rule) => Object.keys(rule.codes));
/** Every id a registry finding can be printed under: rule ids and codes. */
const registryIds = new Set([...rules.map((r) => r.id), ...codes]);

/** The base tree with every seeded page as docs/<code>/index.md. */
const root = mkdtempSync(join(tmpdir(), 'meshdocs-rules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
cpSync(join(fixtures, 'base'), root, { recursive: true });
for (const code of codes) cpSync(join(fixtures, 'pages', `${code}.md`), join(root, 'content/en/docs', code, 'index.md'));
const paths = resolveContentPaths(join(root, 'content'));
const pageOf = (code: string): string => join('content/en/docs', code, 'index.md');

/** The marked line of a seeded page, and the rule id the marker names. */
function expectedOf(code: string): { line: number; id: string } {
  const markers = readMarkers(join(root, 'content/en/docs', code), root);
  expect(markers, `${code}: one marker`).toHaveLength(1);
  return { line: markers[0]!.line, id: markers[0]!.ruleId };
}

/** `line id` of a tool's registry findings on one page. */
const onPage = (diagnostics: readonly Diagnostic[], code: string): string[] =>
  diagnostics.filter((d) => d.file === pageOf(code) && registryIds.has(d.ruleId)).map((d) => `${d.line} ${d.ruleId}`);

describe('rule registry', () => {
  test('every finding code has one seeded page, and every seeded page a code', () => {
    const pages = readdirSync(join(fixtures, 'pages')).map((f) => basename(f, '.md'));
    expect(pages.sort()).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s: its doc page names the codes the build and snips print it under', (_id, rule) => {
    const doc = join(projectRoot, ruleDocPath(rule));
    expect(existsSync(doc), doc).toBe(true);
    const text = readFileSync(doc, 'utf8');
    for (const code of Object.keys(rule.codes)) expect(text, `${rule.id} names ${code}`).toContain(`\`${code}\``);
  });

  test('the checks that are not page rules are listed with a doc section', () => {
    const readme = readFileSync(join(projectRoot, 'docs/lint/README.md'), 'utf8');
    for (const check of treeChecks) expect(readme, check.id).toContain(`\`${check.id}\``);
  });

  test('glossary checks never apply to snips (its rule context cannot answer them)', () => {
    expect(codesIn('snips').has('unknown-glossary-term')).toBe(false);
  });
});

describe.each<{ tool: Tool; run: () => Promise<(code: string) => string[]> }>([
  {
    tool: 'lint',
    run: async () => {
      // The library entry `npm run lint` calls; markdown and scripts are the checks that see pages and snips.
      const result: LintResult = await runLint({
        paths,
        projectRoot,
        cwd: root,
        checks: new Set(['markdown', 'scripts']),
        cache: false,
      });
      return (code) => onPage(result.diagnostics, code);
    },
  },
  {
    tool: 'editor',
    run: async () => {
      const bundle = (await import(pathToFileURL(bundlePath).href)).default as MarkdownlintRule[];
      const files = codes.map((code) => join(root, pageOf(code)));
      const config = { default: false, ...Object.fromEntries(bundle.map((r) => [r.names[0], true])) };
      const results = await markdownlint({ files, config, customRules: bundle });
      return (code) =>
        (results[join(root, pageOf(code))] ?? []).map((e) => {
          // In the editor a front matter finding sits on the first body line and names its own line.
          const fm = /^front matter line (\d+):/.exec(e.errorDetail ?? '');
          return `${fm ? fm[1] : e.lineNumber} ${e.ruleNames[0]}`;
        });
    },
  },
  {
    tool: 'snips',
    run: async () => {
      const tree = generateTreeSnips(paths);
      return (code) => onPage(tree.diagnostics.filter((d) => d.severity === 'error'), code);
    },
  },
  {
    tool: 'build',
    run: async () => {
      // The page model's build-time check the site runs before Astro renders (tests/site/malformed.test.ts builds for real).
      const { errors } = checkTreeForSite(paths, root);
      return (code) => onPage(errors, code);
    },
  },
])('$tool', ({ tool, run }) => {
  let found: (code: string) => string[];
  beforeAll(async () => {
    found = await run();
  }, 120_000);

  test.each(codes)('%s: reported once where the registry says, else not at all', (code) => {
    const rule = ruleOfCode(code)!;
    const { line, id } = expectedOf(code);
    expect(id).toBe(rule.id);
    const applies = rule.codes[code]!.includes(tool);
    const shownAs = tool === 'lint' || tool === 'editor' ? rule.id : code;
    expect(found(code)).toEqual(applies ? [`${line} ${shownAs}`] : []);
  });
});

/** `line id` of the registry findings a command printed (`file:line[:col]  id  message`) for one page. */
function printed(output: string, code: string): string[] {
  return output
    .split('\n')
    .map((l) => /^(\S+?):(\d+)(?::\d+)?  (\S+)  /.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === pageOf(code) && registryIds.has(m[3]!))
    .map((m) => `${m[2]} ${m[3]}`);
}

describe('the commands print each finding once', () => {
  test('npm run lint and npm run snips on the seeded tree', async () => {
    const env = { MESHDOCS_CONTENT: paths.content, NO_COLOR: '1' };
    const [lint, snips] = await Promise.all([
      run(process.execPath, [join(projectRoot, 'scripts/lint.ts'), '--only', 'markdown,scripts', '--no-cache'], { cwd: root, env }),
      run(process.execPath, [join(projectRoot, 'scripts/snips.ts')], { cwd: root, env }),
    ]);
    expect(lint.exitCode, lint.stderr).toBe(1);
    expect(snips.exitCode, snips.stderr).toBe(2);
    for (const code of codes) {
      const rule = ruleOfCode(code)!;
      const { line } = expectedOf(code);
      const where = rule.codes[code]!;
      expect(printed(lint.stdout, code), `lint: ${code}`).toEqual(where.includes('lint') ? [`${line} ${rule.id}`] : []);
      expect(printed(snips.stderr, code), `snips: ${code}`).toEqual(where.includes('snips') ? [`${line} ${code}`] : []);
    }
    // `-ti` is refused by npm run snips as `-it` is (one check: MESH003).
    expect(snips.stderr).toContain(`${pageOf('snip-exec-it')}:${expectedOf('snip-exec-it').line}  snip-exec-it`);
  }, 180_000);
});

describe('a page the build refuses, in a full lint', () => {
  test('its findings are printed once, under the rule ids, not again in the failed build output (issue 15)', async () => {
    // The real build (it fails before rendering, on the tree check); its output comes back as `site-build`.
    const env = { MESHDOCS_CONTENT: paths.content, MESHDOCS_DIST: join(root, 'dist'), NO_COLOR: '1' };
    const lint = await run(process.execPath, [join(projectRoot, 'scripts/lint.ts'), '--only', 'markdown,links', '--no-cache'], { cwd: root, env });
    expect(lint.exitCode, lint.stderr).toBe(1);
    // The build leaves the refused pages out (issue 15: the other pages' links are still checked), one
    // `site-build` line per page, saying what follows from it; its problems are printed under their ids.
    const leftOut = lint.stdout.split('\n').filter((l) => /  site-build  the site build leaves this page out/.test(l));
    expect(leftOut.length).toBeGreaterThan(0);
    expect(new Set(leftOut.map((l) => l.split(':')[0])).size).toBe(leftOut.length);
    for (const code of codesIn('build')) {
      const rule = ruleOfCode(code);
      if (!rule || !existsSync(join(root, pageOf(code)))) continue;
      const { line } = expectedOf(code);
      expect(printed(lint.stdout, code), code).toEqual([`${line} ${rule.id}`]);
    }
  }, 300_000);
});
