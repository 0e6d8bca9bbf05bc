import type { ContentPaths } from '../config/paths.ts';
import { generateFileSnips, namesAvailable, openSnipsSession, type SnipsSession } from '../snips/index.ts';
import type { SourceLocation } from './types.ts';

/** Where each snip name usable by a page's test is defined (page and included boilerplates). */
export type SnipLocator = (pageFile: string | undefined) => Map<string, SourceLocation>;

/**
 * Locates snips with the snips generator itself (src/snips), so a failing `snip_x` or
 * `snip_x_out` maps to the fence line of its block by the very rules that named it. Files are
 * relative to the docs repo root (`content/en/docs/…/index.md`).
 *
 * When the tree cannot be read (e.g. no data/args.yml) nothing is located: the run goes on and
 * reports the test-script line only.
 */
export function createSnipsLocator(paths: ContentPaths): SnipLocator {
  let session: SnipsSession | null | undefined;
  return (pageFile) => {
    if (session === undefined) {
      try {
        session = openSnipsSession(paths);
      } catch {
        session = null;
      }
    }
    if (!session || !pageFile) return new Map();
    try {
      const page = generateFileSnips(session, pageFile, true);
      const names = namesAvailable(page, { pages: [...session.boilerplates.values()] });
      return new Map([...names].map(([name, d]) => [name, { file: d.file, line: d.line }]));
    } catch {
      return new Map();
    }
  };
}
