import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from 'markdownlint/promise';
import type { Rule } from 'markdownlint';
import { describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { buildRulesBundle, bundlePath } from '../../src/lint/bundle.ts';
import { stripJsonComments } from '../../src/lint/config.ts';
import { runPageRules } from '../../src/lint/page-rules.ts';
import { buildContentIndex, kindOf } from '../../src/model/content-tree.ts';
import { loadPage } from '../../src/model/parse.ts';

describe('editor bundle of the custom rules', () => {
  test('is up to date with src/lint/rules (else run: npm run lint -- --write-bundle)', async () => {
    const committed = readFileSync(bundlePath, 'utf8');
    expect(committed === (await buildRulesBundle()), 'src/lint/markdownlint-rules.mjs is stale: npm run lint -- --write-bundle').toBe(true);
  });

  test('.markdownlint-cli2.jsonc names it in customRules', () => {
    const raw = JSON.parse(stripJsonComments(readFileSync(join(projectRoot, '.markdownlint-cli2.jsonc'), 'utf8'))) as { customRules: string[] };
    expect(raw.customRules.map((r) => join(projectRoot, r))).toContain(bundlePath);
  });

  test('in plain markdownlint, reports what npm run lint reports (front matter findings name their line)', async () => {
    const rules = (await import(pathToFileURL(bundlePath).href)).default as Rule[];
    const paths = resolveContentPaths(join(projectRoot, 'tests/fixtures/lint/seeded/content'));
    const index = buildContentIndex(paths);
    for (const rel of ['docs/style/index.md', 'docs/frontmatter/index.md', 'docs/tested/index.md']) {
      const file = join(paths.lang, rel);
      const name = relative(process.cwd(), file);
      const config = { default: false, ...Object.fromEntries(rules.map((r) => [r.names[0], true])) };
      const result = await lint({ files: [name], config, customRules: rules });
      // In the editor a front matter finding sits on the first body line and names its own line.
      const viaBundle = result[name]!.map((e) => {
        const fm = /^front matter line (\d+):/.exec(e.errorDetail ?? '');
        return `${fm ? `fm${fm[1]}` : e.lineNumber} ${e.ruleNames[0]}`;
      }).sort();

      const page = loadPage(file, kindOf(paths, file), name);
      const frontMatterEnd = page.tree.children[0]?.position?.end.line ?? 0;
      const native = runPageRules(page, index).diagnostics.map((d) => `${d.line <= frontMatterEnd ? `fm${d.line}` : d.line} ${d.ruleId}`).sort();
      expect(viaBundle, rel).toEqual(native);
      expect(viaBundle.length, rel).toBeGreaterThan(0);
    }
  });
});
