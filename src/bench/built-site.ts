import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Parser } from 'htmlparser2';

/**
 * What a built site holds, read from its HTML: the pages a reader sees, told apart from the redirect
 * pages that aliases write (a `<meta http-equiv="refresh">`, src/site/aliases.ts), and any shortcode
 * (`{{<`, `{{%`) left as text outside code. Used by `npm run bench -- istio-site` and the import tests.
 */
export interface BuiltSite {
  /** Site paths of the rendered pages (`/docs/x/`), sorted. */
  pages: string[];
  /** Site paths of the redirect pages. */
  redirects: string[];
  /** Pages showing a shortcode as text outside `<pre>`/`<code>`: path and the text around it. */
  shortcodeText: { path: string; text: string }[];
}

export function readBuiltSite(dist: string): BuiltSite {
  const site: BuiltSite = { pages: [], redirects: [], shortcodeText: [] };
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
  for (const file of files) {
    const html = readFileSync(join(dist, file), 'utf8');
    const path = `/${file.split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');
    if (isRedirect(html)) {
      site.redirects.push(path);
      continue;
    }
    site.pages.push(path);
    const found = shortcodeOutsideCode(html);
    if (found) site.shortcodeText.push({ path, text: found });
  }
  return site;
}

export function isRedirect(html: string): boolean {
  return /<meta http-equiv="refresh"/i.test(html);
}

const shownAttributes = new Set(['alt', 'title', 'aria-label', 'placeholder']);

/** The first text outside `<pre>`, `<code>`, `<script>` and `<style>` that holds `{{<` or `{{%`, with some context. */
export function shortcodeOutsideCode(html: string): string | undefined {
  const skipped = new Set(['pre', 'code', 'script', 'style', 'template', 'textarea']);
  let depth = 0;
  let text = '';
  let found: string | undefined;
  const flush = (): void => {
    const at = text.search(/\{\{[<%]/);
    if (found === undefined && at >= 0) found = text.slice(Math.max(0, at - 40), at + 60).replace(/\s+/g, ' ');
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (skipped.has(name)) {
          if (depth === 0) flush();
          depth++;
        }
      },
      onclosetag(name) {
        if (skipped.has(name) && depth > 0) depth--;
      },
      ontext(data) {
        if (depth === 0) text += data;
      },
      onattribute(name, value) {
        // An attribute the reader sees (a title, an alt text) counts as shown text too.
        if (depth === 0 && shownAttributes.has(name) && /\{\{[<%]/.test(value) && found === undefined) found = value.slice(0, 100);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return found;
}
