/**
 * A malformed page fails the build with file and line: one real Astro build over a tree holding one
 * page per kind of problem, and the same checks, case by case, through the page model.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { checkTreeForSite } from '../../src/site/validate-tree.ts';
import { buildSite } from '../helpers/site.ts';

/** Each case: a page, the line the error must name, the rule and a bit of the message. */
const cases = [
  {
    name: 'bad YAML front matter',
    file: 'docs/bad-yaml/index.md',
    text: '---\ntitle: Bad\ntest: yes\nkeywords: [a, b\n---\n\nBody.\n',
    line: 4,
    rule: 'frontmatter',
    message: 'invalid YAML',
  },
  {
    name: 'front matter failing the schema',
    file: 'docs/bad-test/index.md',
    text: '---\ntitle: Bad test value\ntest: maybe\n---\n\nBody.\n',
    line: 3,
    rule: 'frontmatter',
    message: 'test: expected one of yes | no | n/a | table-of-contents, got "maybe"',
  },
  {
    name: 'unknown directive',
    file: 'docs/bad-directive/index.md',
    text: '---\ntitle: Bad directive\ntest: no\n---\n\nIntro.\n\n:::sidebarnote\nText.\n:::\n',
    line: 8,
    rule: 'unknown-directive',
    message: 'unknown directive ":::sidebarnote"',
  },
  {
    name: 'unknown glossary term',
    file: 'docs/bad-gloss/index.md',
    text: '---\ntitle: Bad gloss\ntest: no\n---\n\nUses :gloss[Frobnicator] here.\n',
    line: 6,
    rule: 'unknown-glossary-term',
    message: 'no glossary entry for "Frobnicator"',
  },
  {
    name: 'unknown boilerplate',
    file: 'docs/bad-boilerplate/index.md',
    text: '---\ntitle: Bad boilerplate\ntest: no\n---\n\n::boilerplate{name="does-not-exist"}\n',
    line: 6,
    rule: 'unknown-boilerplate',
    message: 'no boilerplate "does-not-exist"',
  },
  {
    name: 'bash block with no $ line',
    file: 'docs/bad-bash/index.md',
    text: '---\ntitle: Bad bash\ntest: no\n---\n\n```bash\nkubectl get pods\n```\n',
    line: 7,
    rule: 'bash-no-command',
    message: 'must start with a "$ " command line',
  },
  {
    name: 'unclosed fence',
    file: 'docs/bad-fence/index.md',
    text: '---\ntitle: Bad fence\ntest: no\n---\n\n```yaml\na: 1\n',
    line: 6,
    rule: 'unclosed-fence',
    message: 'never closed',
  },
];

/** The basic fixture plus the given bad pages, in a temporary tree. */
function treeWith(pages: { file: string; text: string }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'meshdocs-malformed-'));
  cpSync(join(projectRoot, 'tests/fixtures/site/basic'), root, { recursive: true });
  for (const p of pages) {
    const file = join(root, 'content/en', p.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, p.text);
  }
  return join(root, 'content');
}

describe('page model checks', () => {
  test.each(cases)('$name is reported at its line', (c) => {
    const content = treeWith([c]);
    const { errors } = checkTreeForSite(resolveContentPaths(content), content);
    const where = join('en', c.file);
    const found = errors.filter((e) => e.file === where);
    expect(found.map((e) => ({ line: e.line, rule: e.ruleId }))).toContainEqual({ line: c.line, rule: c.rule });
    expect(found.find((e) => e.ruleId === c.rule)?.message).toContain(c.message);
  });

  test('cached results follow the page, and the boilerplates and glossary it refers to', () => {
    const content = treeWith([]);
    const paths = resolveContentPaths(content);
    const page = join(content, 'en/docs/guide/first/index.md');
    expect(checkTreeForSite(paths, content).errors).toEqual([]);
    // Same page, but the boilerplate it includes is gone: the cached "no problem" must not be reused.
    rmSync(join(content, 'en/boilerplates/shared-note.md'));
    expect(checkTreeForSite(paths, content).errors.map((e) => [e.file, e.ruleId])).toEqual([[join('en/docs/guide/first/index.md'), 'unknown-boilerplate']]);
    // The page itself changes: its new content is checked.
    writeFileSync(page, readFileSync(page, 'utf8').replace('::boilerplate{name="shared-note"}', ':::nosuchthing\nx\n:::'));
    expect(checkTreeForSite(paths, content).errors.map((e) => e.ruleId)).toEqual(['unknown-directive']);
  });

  test('an incomplete bash block breaks the build where it becomes shell (a tested page, a boilerplate), not where it is only shown', () => {
    const block = '```bash\n$ echo "unclosed\n```\n';
    const content = treeWith([
      { file: 'docs/tested/index.md', text: `---\ntitle: Tested\ntest: yes\n---\n\n## Run\n\n${block}` },
      { file: 'docs/shown/index.md', text: `---\ntitle: Shown\ntest: no\n---\n\n${block}` },
      { file: 'blog/post/index.md', text: `---\ntitle: Post\n---\n\n${block}` },
      { file: 'boilerplates/incomplete.md', text: `---\n---\n\n${block}` },
    ]);
    const { errors } = checkTreeForSite(resolveContentPaths(content), content);
    expect(errors.filter((e) => e.ruleId === 'bash-incomplete-command').map((e) => [e.file, e.line])).toEqual([
      [join('en/boilerplates/incomplete.md'), 5],
      [join('en/docs/tested/index.md'), 9],
    ]);
  });

  test('the fixture tree itself has no problem', () => {
    const content = join(projectRoot, 'tests/fixtures/site/basic/content');
    expect(checkTreeForSite(resolveContentPaths(content)).errors).toEqual([]);
  });
});

test('the Astro build fails and names every malformed page with file and line', async () => {
  const content = treeWith(cases);
  const build = await buildSite(content);
  expect(build.exitCode).not.toBe(0);
  for (const c of cases) {
    const shown = relative(projectRoot, join(content, 'en', c.file));
    expect(build.output).toContain(`${shown}:${c.line}`);
    expect(build.output).toContain(c.message);
  }
});
