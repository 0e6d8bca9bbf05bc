import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { Code, Heading, Html, Image, InlineCode, Link, Parent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
// Its types declare `data.hProperties` on mdast nodes (what remark-rehype reads for heading ids).
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ContentPaths } from '../config/paths.ts';
import { buildContentIndex, findGlossaryEntry, type ContentIndex } from '../model/content-tree.ts';
import { containerDirectives, leafDirectives } from '../model/directives.ts';
import { parseFenceMeta } from '../model/fence-meta.ts';
import { loadPage } from '../model/parse.ts';
import { splitHeadingId } from '../model/sections.ts';
import { unsafeLinkProblem } from '../model/url-safety.ts';
import { substituteVersions } from '../model/versions.ts';
import { ensureLanguage, getHighlighter } from './highlighter.ts';
import { loadRepositories, repositoryUrl, type Repositories } from './repositories.ts';
import { escapeAttr, escapeHtml, renderCodeBlock } from './render-code.ts';

export interface RemarkMeshdocsOptions {
  paths: ContentPaths;
}

/** Our callouts as Starlight asides (which then render them, icons included): name and default title. */
const callouts: Record<string, { variant: string; title: string }> = {
  tip: { variant: 'tip', title: 'Tip' },
  warning: { variant: 'caution', title: 'Warning' },
  idea: { variant: 'note', title: 'Idea' },
};

/**
 * The site side of the authoring format, as a thin remark adapter over the page model:
 * version values, `{#id}` heading anchors, callouts, tabs, boilerplates, glossary terms, captioned
 * images, and code blocks rendered with the shared command/output split.
 *
 * Input:  ```` ```bash ⏎ $ kubectl get pods ⏎ NAME READY ⏎ ``` ````
 * Output: `<div class="mesh-code" data-lang="bash">… <span class="line mesh-cmd" data-prompt>kubectl get pods</span>
 *          <span class="line mesh-out">NAME READY</span> … <button data-copy="kubectl get pods">`
 */
export function remarkMeshdocs({ paths }: RemarkMeshdocsOptions) {
  let index: ContentIndex | undefined;
  let repos: Repositories | undefined;
  return async function transformer(tree: Root, file: VFile): Promise<void> {
    index ??= buildContentIndex(paths);
    repos ??= loadRepositories(paths.data);
    const where = placeOf(file);
    expandBoilerplates(tree, index, where, new Set());
    await transform(tree, index, repos, where);
  };
}

/** `file:line` for errors; Astro hands remark the body only, so add the front matter's lines back. */
function placeOf(file: VFile): (node: { position?: { start: { line: number } } }) => string {
  const path = file.path ?? '<unknown>';
  let offset = 0;
  try {
    const raw = readFileSync(path, 'utf8');
    const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(raw);
    if (m) offset = m[0].split('\n').length - 1;
  } catch {
    // not a file on disk (rendered from a string): lines are body-relative
  }
  const shown = relative(process.cwd(), path) || path;
  return (node) => `${shown}:${(node.position?.start.line ?? 0) + offset}`;
}

class DirectiveError extends Error {}

/** Replaces `::boilerplate{name="x"}` with the parsed content of `boilerplates/x.md`, recursively. */
function expandBoilerplates(tree: Parent, index: ContentIndex, where: ReturnType<typeof placeOf>, stack: Set<string>): void {
  visit(tree, 'leafDirective', (node: LeafDirective, i, parent) => {
    if (node.name !== 'boilerplate' || !parent || i === undefined) return;
    const name = node.attributes?.name ?? '';
    const file = index.boilerplates.get(name);
    if (!file) {
      // Reported before the build by the rule registry (MESH006, `unknown-boilerplate`): left out here.
      parent.children.splice(i, 1);
      return [SKIP, i];
    }
    if (stack.has(name)) throw new DirectiveError(`${where(node)}: boilerplate "${name}" includes itself`);
    const page = loadPage(file, 'boilerplate');
    const children = page.tree.children.filter((c) => c.type !== 'yaml');
    const fragment: Root = { type: 'root', children };
    expandBoilerplates(fragment, index, where, new Set([...stack, name]));
    // Positions of included nodes point into the boilerplate; errors inside it name the page's include line.
    visit(fragment, (n) => {
      if (n.position) n.position = node.position;
    });
    parent.children.splice(i, 1, ...(fragment.children as RootContent[]));
    return [SKIP, i + fragment.children.length];
  });
}

async function transform(tree: Root, index: ContentIndex, repos: Repositories, where: ReturnType<typeof placeOf>): Promise<void> {
  const versions = index.versions;
  // Tab ids only need to be unique within a page; restarting per page keeps the output deterministic.
  tabsetCounter = 0;
  const codeNodes: { node: Code; parent: Parent; index: number }[] = [];

  visit(tree, (node, i, parent) => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'html':
        (node as Text | InlineCode | Html).value = substituteVersions((node as Text).value, versions);
        return;
      case 'link':
      case 'image':
        (node as Link | Image).url = substituteVersions((node as Link).url, versions);
        return;
      case 'heading':
        applyHeadingId(node as Heading);
        return;
      case 'code':
        if (parent && i !== undefined) codeNodes.push({ node: node as Code, parent, index: i });
        return;
      case 'containerDirective':
        renderContainer(node as ContainerDirective, where);
        return;
      case 'leafDirective':
        renderLeaf(node as LeafDirective, where);
        return;
      case 'textDirective':
        renderText(node as TextDirective, index);
        return;
    }
  });

  if (codeNodes.length === 0) return;
  const highlighter = await getHighlighter();
  const branch = versions.source_branch_name ?? 'main';
  for (const { node, parent, index: i } of codeNodes) {
    const meta = parseFenceMeta(node.meta);
    const base = repositoryUrl(repos, meta.attributes.repo);
    const repoLink = (path: string) => `${base}/blob/${branch}/${path}`;
    const lang = node.lang ?? '';
    const value = substituteVersions(node.value, versions);
    const lang2 = {
      code: await ensureLanguage(highlighter, lang),
      output: await ensureLanguage(highlighter, meta.outputis ?? 'text'),
    };
    const html: Html = { type: 'html', value: renderCodeBlock({ lang, meta, value, lang2 }, { highlighter, repoLink }) };
    parent.children[i] = html as never;
  }
}

/** `## Before you begin {#before}` → id `before`, text without the suffix. */
function applyHeadingId(heading: Heading): void {
  const last = heading.children.at(-1);
  if (!last || last.type !== 'text') return;
  const { text, id } = splitHeadingId(last.value);
  if (!id) return;
  last.value = text;
  heading.data = { ...heading.data, hProperties: { ...(heading.data?.hProperties ?? {}), id } };
}

function renderContainer(node: ContainerDirective, where: ReturnType<typeof placeOf>): void {
  const callout = callouts[node.name];
  if (callout) {
    // Starlight's asides plugin runs after this one; it takes the title from a directive label.
    const hasLabel = (node.children[0]?.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
    if (!hasLabel && callout.title.toLowerCase() !== callout.variant) {
      node.children.unshift({ type: 'paragraph', data: { directiveLabel: true } as never, children: [{ type: 'text', value: callout.title }] });
    }
    node.name = callout.variant;
    return;
  }
  switch (node.name) {
    case 'quote': {
      const caption = node.attributes?.caption;
      setElement(node, 'figure', { className: ['mesh-quote'] });
      const quote = { type: 'blockquote', children: node.children } as never;
      node.children = caption
        ? ([quote, { type: 'paragraph', data: { hName: 'figcaption' }, children: [{ type: 'text', value: `— ${caption}` }] }] as never)
        : ([quote] as never);
      return;
    }
    case 'tabset':
      renderTabset(node, where);
      return;
    case 'tab':
      // A tab outside a tabset is reported by validatePage before the build; render its content plainly.
      return;
    default:
      if (node.name in containerDirectives) return; // note, caution, danger: Starlight's asides render them
      throw new DirectiveError(`${where(node)}: unknown directive ":::${node.name}" (known: ${Object.keys(containerDirectives).join(', ')})`);
  }
}

let tabsetCounter = 0;

/** `::::tabset{category}` with `:::tab{name value}` children → buttons + panels, driven by src/site/client/tabs.ts. */
function renderTabset(node: ContainerDirective, where: ReturnType<typeof placeOf>): void {
  const category = node.attributes?.category ?? '';
  const tabs = node.children.filter((c): c is ContainerDirective => c.type === 'containerDirective' && c.name === 'tab');
  if (tabs.length === 0) throw new DirectiveError(`${where(node)}: a tabset needs at least one :::tab`);
  const id = `mesh-tabs-${++tabsetCounter}`;
  const buttons = tabs
    .map((tab, i) => {
      const name = tab.attributes?.name ?? `Tab ${i + 1}`;
      const value = tab.attributes?.value ?? slugValue(name);
      return `<button type="button" role="tab" id="${id}-tab-${i}" aria-controls="${id}-panel-${i}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}" data-value="${escapeAttr(value)}">${escapeHtml(name)}</button>`;
    })
    .join('');
  setElement(node, 'mesh-tabs', { 'data-category': category, className: ['mesh-tabs'] });
  const children: RootContent[] = [{ type: 'html', value: `<div role="tablist" class="mesh-tabs__list">${buttons}</div>` }];
  tabs.forEach((tab, i) => {
    const value = tab.attributes?.value ?? slugValue(tab.attributes?.name ?? `Tab ${i + 1}`);
    setElement(tab, 'div', {
      role: 'tabpanel',
      id: `${id}-panel-${i}`,
      'aria-labelledby': `${id}-tab-${i}`,
      'data-value': value,
      className: ['mesh-tabs__panel'],
      ...(i === 0 ? {} : { hidden: true }),
    });
    children.push(tab as never);
  });
  node.children = children as never;
}

function renderLeaf(node: LeafDirective, where: ReturnType<typeof placeOf>): void {
  if (node.name === 'image') {
    const a = node.attributes ?? {};
    const img = `<img src="${escapeAttr(a.src ?? '')}" alt="${escapeAttr(a.alt ?? a.caption ?? '')}"${a.width ? ` style="width:${escapeAttr(a.width)}"` : ''} loading="lazy" decoding="async">`;
    const caption = a.caption ? `<figcaption>${escapeHtml(a.caption)}</figcaption>` : '';
    // An unsafe link is refused by validatePage (the build fails); never rendered live, whatever the caller.
    const link = a.link && !unsafeLinkProblem(a.link) ? a.link : undefined;
    const html = `<figure class="mesh-figure">${link ? `<a href="${escapeAttr(link)}">${img}</a>` : img}${caption}</figure>`;
    setElement(node, 'div', { className: ['mesh-figure-wrap'] });
    node.children = [{ type: 'html', value: html } as never];
    return;
  }
  if (node.name === 'boilerplate') return; // expanded before
  if (!(node.name in leafDirectives)) {
    throw new DirectiveError(`${where(node)}: unknown directive "::${node.name}" (known: ${Object.keys(leafDirectives).join(', ')})`);
  }
}

/** `:gloss[Envoy]` → the term with its definition shown on hover and focus. Other text directives stay text. */
function renderText(node: TextDirective, index: ContentIndex): void {
  if (node.name !== 'gloss') return;
  const label = toString(node);
  const entry = findGlossaryEntry(index, label, node.attributes?.term ?? undefined);
  if (!entry) return; // reported by validatePage with file and line
  const definition = glossaryDefinition(entry.file);
  setElement(node, 'span', { className: ['mesh-gloss'], tabindex: '0', 'data-term': entry.slug });
  node.children = [
    ...(node.children as never[]),
    { type: 'text', value: definition, data: { hName: 'span', hProperties: { role: 'tooltip', className: ['mesh-gloss__def'] } } } as never,
  ];
}

// By file and modification time: the dev server re-renders pages in the same process when an entry is edited.
const definitions = new Map<string, string>();
function glossaryDefinition(file: string): string {
  const key = `${file}\0${statSync(file).mtimeMs}`;
  let text = definitions.get(key);
  if (text === undefined) {
    const page = loadPage(file, 'glossary');
    const first = page.tree.children.find((c) => c.type === 'paragraph');
    text = first ? toString(first).replace(/\s+/g, ' ').trim() : '';
    definitions.set(key, text);
  }
  return text;
}

function setElement(node: { data?: unknown }, hName: string, hProperties: Record<string, unknown>): void {
  node.data = { ...(node.data as object | undefined), hName, hProperties };
}

function slugValue(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
