import type { ContentPaths } from '../../config/paths.ts';
import type { Page } from '../../model/parse.ts';
import type { SnipsFileProblem, TreeSnips } from '../../snips/types.ts';

/** What lint needs from the snips generator (src/snips): definitions per page and the freshness check. */
export interface SnipsLibrary {
  generateTreeSnips(paths: ContentPaths, options?: { display?: (file: string) => string; parsed?: ReadonlyMap<string, Page> }): TreeSnips | Promise<TreeSnips>;
  checkTreeSnips(paths: ContentPaths): SnipsFileProblem[] | Promise<SnipsFileProblem[]>;
  /** Compares an already generated tree with the disk (saves generating twice). */
  compareTreeSnips?(tree: TreeSnips): SnipsFileProblem[];
}

/**
 * Loads the snips generator. Lint depends on its contract (src/snips/types.ts) only, so it runs
 * while the generator is being written: without it, the freshness check reports that it cannot run
 * and definitions are read from the generated files on disk.
 */
export async function loadSnipsLibrary(): Promise<SnipsLibrary | undefined> {
  for (const candidate of ['../../snips/index.ts', '../../snips/tree.ts']) {
    try {
      const mod = (await import(candidate)) as Partial<SnipsLibrary>;
      if (typeof mod.generateTreeSnips === 'function' && typeof mod.checkTreeSnips === 'function') {
        return { generateTreeSnips: mod.generateTreeSnips, checkTreeSnips: mod.checkTreeSnips, compareTreeSnips: mod.compareTreeSnips };
      }
    } catch (error) {
      // Not there (yet) is fine; a broken generator is not.
      const e = error as NodeJS.ErrnoException;
      if (e.code !== 'ERR_MODULE_NOT_FOUND' || !e.message.includes(candidate.split('/').pop()!)) throw error;
    }
  }
  return undefined;
}
