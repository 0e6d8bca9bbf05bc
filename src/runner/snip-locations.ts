import { existsSync, readdirSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { loadPage } from '../model/parse.ts';
import { toPosix } from './discover.ts';
import type { SourceLocation } from './types.ts';

/** Where each snip name of a page (and of the boilerplates) is defined. */
export type SnipLocator = (pageFile: string | undefined) => Map<string, SourceLocation>;

/**
 * Locates snips from the page model: a block's snip is `<prefix>_<section>_<n>` (n counts every
 * block of the section) or its `snip_id`, and a bash block's expected output is that name plus
 * `_out`. These are the snips generator's naming rules (src/snips); when it reports a definition
 * list (`SnipDefinition`), pass a locator built from that instead.
 */
export function createModelSnipLocator(paths: ContentPaths): SnipLocator {
  let boilerplates: Map<string, SourceLocation> | undefined;
  const display = (f: string) => toPosix(relative(paths.root, f));
  return (pageFile) => {
    boilerplates ??= locateBoilerplates(paths, display);
    const found = new Map(boilerplates);
    if (pageFile) for (const [k, v] of locateBlocks(pageFile, 'snip', display)) found.set(k, v);
    return found;
  };
}

function locateBoilerplates(paths: ContentPaths, display: (f: string) => string): Map<string, SourceLocation> {
  const found = new Map<string, SourceLocation>();
  if (!existsSync(paths.boilerplates)) return found;
  for (const f of readdirSync(paths.boilerplates).filter((n) => n.endsWith('.md')).sort()) {
    const prefix = `bpsnip_${basename(f, '.md').replaceAll('-', '_')}`;
    for (const [k, v] of locateBlocks(join(paths.boilerplates, f), prefix, display)) found.set(k, v);
  }
  return found;
}

function locateBlocks(file: string, prefix: string, display: (f: string) => string): Map<string, SourceLocation> {
  const found = new Map<string, SourceLocation>();
  let page;
  try {
    page = loadPage(file, prefix === 'snip' ? 'docs' : 'boilerplate');
  } catch {
    return found;
  }
  for (const block of page.codeBlocks) {
    if (block.meta.snipId === 'none') continue;
    const name = block.meta.snipId ? `${prefix}_${block.meta.snipId}` : `${prefix}_${block.section}_${block.positionInSection}`;
    const at = { file: display(file), line: block.line };
    found.set(name, at);
    found.set(`${name}_out`, at);
  }
  return found;
}

/** A locator over generated definitions (`PageSnips.definitions` of src/snips). */
export function locatorFromDefinitions(
  defs: { name: string; file: string; line: number }[],
): Map<string, SourceLocation> {
  return new Map(defs.map((d) => [d.name, { file: d.file, line: d.line }]));
}
