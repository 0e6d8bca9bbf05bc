import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';

/**
 * The site's title and header navigation, as the site reads them from `<root>/data/site.yml`:
 *
 * ```yaml
 * title: Istio
 * nav:
 *   - label: About
 *     link: /about/
 *     children:
 *       - { label: Service mesh, link: /about/service-mesh/ }
 *   - { label: Blog, link: /blog/ }
 * ```
 */
export interface SiteConfigData {
  title: string;
  nav: NavItem[];
}

export interface NavItem {
  label: string;
  link: string;
  children?: { label: string; link: string }[];
}

/** Hugo's configuration files, in the order Hugo looks for them. */
const configFiles = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

interface MenuEntry {
  identifier?: unknown;
  name?: unknown;
  url?: unknown;
  pageRef?: unknown;
  parent?: unknown;
  weight?: unknown;
}

/**
 * Reads the title and the `main` menu of a Hugo site's configuration (`title`, `[[menu.main]]`; a
 * language's own `[[languages.<lang>.menu.main]]` replaces it for that language). Entries with a
 * `parent` become that entry's children; each level is in Hugo's menu order (weight, then name).
 * `hasPage('/about/')` says whether the site has a page there. No configuration file: undefined (the site keeps its own title and navigation).
 */
export function readHugoSiteConfig(
  siteRoot: string,
  lang: string,
  hasPage: (path: string) => boolean,
  display: (file: string) => string = (f) => f,
): { config?: SiteConfigData; diagnostics: Diagnostic[] } {
  const found = configFiles.map((f) => join(siteRoot, f)).find((f) => existsSync(f));
  if (!found) return { diagnostics: [] };
  const text = readFileSync(found, 'utf8');
  let raw: unknown;
  try {
    raw = found.endsWith('.toml') ? parseToml(text) : found.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 0;
    const message = (error as Error).message.split('\n')[0] ?? '';
    return { diagnostics: [diagnostic(display(found), line, 'hugo-config', `cannot read the site configuration: ${message}`)] };
  }
  const config = record(raw);
  const language = record(record(config.languages)[lang]);
  const title = typeof language.title === 'string' ? language.title : typeof config.title === 'string' ? config.title : '';
  const menu = entriesOf(record(language.menu).main) ?? entriesOf(record(config.menu).main) ?? [];
  return { config: { title, nav: navOf(menu, hasPage) }, diagnostics: [] };
}

/** `data/site.yml` as the site reads it. */
export function siteConfigYaml(config: SiteConfigData): string {
  return `# The site's title and header navigation, imported from the Hugo configuration's title and main menu.\n${stringifyYaml(config)}`;
}

function navOf(entries: MenuEntry[], hasPage: (path: string) => boolean): NavItem[] {
  const id = (e: MenuEntry): string => String(e.identifier ?? e.name ?? '');
  const top = sorted(entries.filter((e) => e.parent === undefined || e.parent === ''));
  return top.map((parent) => {
    const children = sorted(entries.filter((e) => e.parent !== undefined && String(e.parent) === id(parent))).map((c) => ({ label: labelOf(c), link: linkOf(c) }));
    // A parent that is only a heading for its children (istio.io's "About") links to the section of its
    // identifier when the site has that page, else to its first child.
    const section = `/${id(parent)}/`;
    const link = linkOf(parent) || (hasPage(section) ? section : children[0]?.link) || '/';
    return children.length > 0 ? { label: labelOf(parent), link, children } : { label: labelOf(parent), link };
  });
}

/** Hugo's default menu order: weight (an entry without one last), then name. */
function sorted(entries: MenuEntry[]): MenuEntry[] {
  const weight = (e: MenuEntry): number => (typeof e.weight === 'number' && e.weight !== 0 ? e.weight : Number.MAX_SAFE_INTEGER);
  return [...entries].sort((a, b) => weight(a) - weight(b) || labelOf(a).localeCompare(labelOf(b)));
}

function labelOf(e: MenuEntry): string {
  return String(e.name ?? e.identifier ?? '');
}

/** `url` (or `pageRef`) as a path of our site: `/about/faq` → `/about/faq/`, the way our pages are addressed. */
function linkOf(e: MenuEntry): string {
  const url = typeof e.url === 'string' ? e.url : typeof e.pageRef === 'string' ? `/${e.pageRef.replace(/^\/+/, '')}` : '';
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  const cut = url.search(/[?#]/);
  const [path, rest] = cut < 0 ? [url, ''] : [url.slice(0, cut), url.slice(cut)];
  return /\/$|\.[a-z0-9]+$/i.test(path) ? url : `${path}/${rest}`;
}

function entriesOf(value: unknown): MenuEntry[] | undefined {
  return Array.isArray(value) ? value.filter((e): e is MenuEntry => !!e && typeof e === 'object') : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
