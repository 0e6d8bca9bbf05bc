import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { findGlossaryEntry, type ContentIndex } from './content-tree.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { containerDirectives, isKnownDirective, leafDirectives } from './directives.ts';
import type { Page } from './parse.ts';
import { unsafeLinkProblem } from './url-safety.ts';
import { unknownVersionNames } from './versions.ts';

/**
 * Rule ids that fail the site build (a page that would render wrong or not at all).
 * Lint reports these and more (style, spelling, snips).
 */
export const buildBreakingRules = new Set([
  'frontmatter',
  'encoding',
  'unclosed-fence',
  'directive-syntax',
  'bash-no-command',
  'bash-incomplete-command',
  'unknown-directive',
  'unknown-boilerplate',
  'unknown-glossary-term',
  'tab-outside-tabset',
  'image-attributes',
  'unknown-version',
]);

/**
 * Where a build-breaking rule breaks the build when that is not on every page: the one place that
 * says so (the rule registry takes it over). Elsewhere the rule is still reported by lint.
 *
 * `bash-incomplete-command`: on a tested page (`test: yes`) and in a boilerplate the block becomes
 * shell (snips.sh), where an unclosed quote or heredoc would swallow the lines after it, so the page
 * must not build. On an untested page the block is only shown: it renders as written (istio.io has
 * 11 such blocks, quoted on purpose or copied from a terminal), and lint reports it (MESH012).
 */
const buildBreakingScope: Readonly<Record<string, (page: Pick<Page, 'kind' | 'rawFrontmatter'>) => boolean>> = {
  'bash-incomplete-command': (page) => page.kind === 'boilerplate' || page.rawFrontmatter.test === 'yes',
};

/** The diagnostic fails the site build on this page (its rule is build-breaking and applies here). */
export function breaksBuild(d: Pick<Diagnostic, 'ruleId'>, page: Pick<Page, 'kind' | 'rawFrontmatter'>): boolean {
  return buildBreakingRules.has(d.ruleId) && (buildBreakingScope[d.ruleId]?.(page) ?? true);
}

/** Parse problems plus the checks that need the rest of the tree (boilerplates, glossary, versions). */
export function validatePage(page: Page, index: ContentIndex): Diagnostic[] {
  const out = [...page.diagnostics];
  const file = page.file;

  for (const d of page.directives) {
    if (!isKnownDirective(d.type, d.name)) {
      const known = d.type === 'containerDirective' ? Object.keys(containerDirectives) : Object.keys(leafDirectives);
      const colons = d.type === 'containerDirective' ? ':::' : '::';
      out.push(
        diagnostic(file, d.line, 'unknown-directive', `unknown directive "${colons}${d.name}" (known: ${known.join(', ')})`, { column: d.column }),
      );
      continue;
    }
    if (d.name === 'boilerplate' && d.type === 'leafDirective') {
      const name = d.attributes.name;
      if (!name) out.push(diagnostic(file, d.line, 'unknown-boilerplate', 'boilerplate needs a name: ::boilerplate{name="…"}'));
      else if (!index.boilerplates.has(name)) {
        out.push(diagnostic(file, d.line, 'unknown-boilerplate', `no boilerplate "${name}" (content/en/boilerplates/${name}.md)`));
      }
    }
    if (d.name === 'gloss' && d.type === 'textDirective') {
      if (!findGlossaryEntry(index, d.label, d.attributes.term)) {
        const term = d.attributes.term ?? d.label;
        out.push(
          diagnostic(file, d.line, 'unknown-glossary-term', `no glossary entry for "${term}" (add content/en/glossary/<term>.md)`, {
            column: d.column,
          }),
        );
      }
    }
    if (d.name === 'image' && d.type === 'leafDirective') {
      for (const attr of ['src', 'caption'] as const) {
        if (!d.attributes[attr]) out.push(diagnostic(file, d.line, 'image-attributes', `::image needs ${attr}="…"`));
      }
      const link = d.attributes.link;
      const problem = link === undefined ? undefined : unsafeLinkProblem(link);
      if (problem) out.push(diagnostic(file, d.line, 'image-attributes', `::image link=${JSON.stringify(link)} ${problem}`, { column: d.column }));
    }
  }

  checkTabs(page.tree, file, out);

  page.source.split('\n').forEach((text, i) => {
    for (const name of unknownVersionNames(text, index.versions)) {
      out.push(diagnostic(file, i + 1, 'unknown-version', `unknown version value "%%${name}%%" (data/args.yml has ${Object.keys(index.versions).join(', ')})`));
    }
  });
  return out;
}

/** A `:::tab` must sit directly in a `::::tabset`, and a tabset holds only tabs. */
function checkTabs(tree: Root, file: string, out: Diagnostic[]): void {
  visit(tree, (node, _index, parent) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
    const d = node as ContainerDirective | LeafDirective;
    const line = d.position?.start.line ?? 0;
    if (d.name === 'tab') {
      const p = parent as ContainerDirective | undefined;
      if (!p || p.type !== 'containerDirective' || p.name !== 'tabset') {
        out.push(diagnostic(file, line, 'tab-outside-tabset', ':::tab must be inside a ::::tabset (use four colons for the tabset)'));
      }
      if (!d.attributes?.name) out.push(diagnostic(file, line, 'tab-outside-tabset', ':::tab needs name="…"'));
    }
    if (d.name === 'tabset' && d.type === 'containerDirective') {
      for (const child of d.children) {
        const isLabel = child.type === 'paragraph' && (child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
        const isTab = child.type === 'containerDirective' && child.name === 'tab';
        if (!isTab && !isLabel && toString(child).trim() !== '') {
          out.push(diagnostic(file, child.position?.start.line ?? line, 'tab-outside-tabset', 'a tabset holds only :::tab blocks'));
        }
      }
    }
  });
}
