/**
 * What a page may put where a URL goes: an alias becomes a file in the build output and a link in
 * a redirect page, a page's path becomes its URL, an image's `link` becomes an `href`. The rules are
 * here once; the front matter schema, the page checks and the site use them.
 */

const control = /[\u0000-\u001f\u007f-\u009f]/;
const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/**
 * Why an alias is refused, or undefined when it is a site-relative path: no scheme, no `//` host,
 * no `.`/`..` segment (also percent-encoded), no backslash, no control character, no `?` or `#`
 * (a redirect page is a file found by its path alone).
 */
export function aliasProblem(alias: string): string | undefined {
  if (alias.trim() === '') return 'an alias cannot be empty';
  if (control.test(alias)) return `alias ${JSON.stringify(alias)} holds a control character`;
  if (alias.includes('\\')) return `alias ${JSON.stringify(alias)} holds a backslash: use / between segments`;
  if (scheme.test(alias)) return `alias ${JSON.stringify(alias)} is a URL with a scheme: an alias is a path on this site (/docs/old/)`;
  if (alias.startsWith('//')) return `alias ${JSON.stringify(alias)} starts with // (a host): an alias is a path on this site (/docs/old/)`;
  if (/[?#]/.test(alias)) return `alias ${JSON.stringify(alias)} holds ? or #: a redirect page is found by its path alone`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(alias);
  } catch {
    return `alias ${JSON.stringify(alias)} holds a malformed %-escape`;
  }
  if (control.test(decoded) || decoded.includes('\\')) return `alias ${JSON.stringify(alias)} holds an escaped control character or backslash`;
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) {
    return `alias ${JSON.stringify(alias)} has a "." or ".." segment: write the path it means`;
  }
  return undefined;
}

/**
 * The one form of an alias, for comparing and placing: a leading `/`, no trailing `/`, no doubled
 * `/`, and `x/index.html` the same as `x` (both are served by `x/index.html`). `x.html` stays.
 */
export function normalizeAlias(alias: string): string {
  const path = `/${alias}`.replace(/\/{2,}/g, '/').replace(/\/index\.html?$/, '/');
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** What in a URL path (a page's path below `<content>/en`) would need escaping, or undefined. */
export function unsafeUrlPath(path: string): string | undefined {
  const bad = /[^\p{L}\p{N}._~+@/-]/u.exec(path)?.[0];
  if (bad === undefined) return undefined;
  if (bad === ' ') return 'a space';
  if (control.test(bad)) return 'a control character';
  return `the character ${JSON.stringify(bad)}`;
}

/**
 * Why a link a page writes into an attribute (`::image{link="…"}`) is refused: only http(s) URLs
 * and links within the site (`/docs/x/`, `../y/`, `#part`) are allowed, so `javascript:` and
 * `data:` never become live links. Whitespace, control characters and backslashes are refused too,
 * as browsers drop or rewrite them (`java\tscript:`, `/\host`).
 */
export function unsafeLinkProblem(link: string): string | undefined {
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(link)) return 'holds whitespace or a control character';
  if (link.includes('\\')) return 'holds a backslash';
  if (link.startsWith('//')) return 'starts with // (a host without a scheme): write https://…';
  const found = scheme.exec(link)?.[0];
  if (found && !/^https?:$/i.test(found)) return `uses the scheme ${found} (only http:, https: and links within the site are allowed)`;
  return undefined;
}
