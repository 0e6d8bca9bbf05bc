import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from './diagnostic.ts';

/** Rule id of every problem the walk finds: the tree itself, not a page, is wrong. */
export const treeRule = 'content-tree';

export interface TreeWalk {
  /** Every regular file below the directory (symbolic links to files inside the tree included), absolute, sorted. */
  files: string[];
  /**
   * Entries the walk did not follow, each with its path (absolute) and line 0: symbolic links to
   * directories, links leading out of the tree or to nothing, directories named like a page
   * (`foo.md/`), `.md` entries that are not regular files (a FIFO would block a reader), unreadable
   * directories. Every command reports them the same way; the build refuses them.
   */
  problems: Diagnostic[];
}

/**
 * The one walk of a content tree: build, lint, snips, the runner and the importer all list files
 * with it, so none of them follows a symbolic link loop (Node's recursive `readdirSync` does, forever),
 * reads outside the tree through a link, or trips over a directory where a file was expected.
 *
 * Symbolic links to directories are never followed: a link loop cannot hang anything, a page set
 * cannot change through a link, and Astro's own glob (which does follow links) is never reached,
 * because the build refuses a tree with such a link. Links to files are followed when the file is
 * inside `within` (the content tree; default: `dir`).
 */
export function walkTree(dir: string, within: string = dir): TreeWalk {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  const boundary = realOrSelf(within);
  const start = resolve(dir);
  const visit = (current: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A walk of a tree that does not exist (no glossary, no boilerplates) finds nothing.
      if (current === start && code === 'ENOENT') return;
      problems.push(diagnostic(current, 0, treeRule, `cannot read this directory (${code ?? (error as Error).message})`));
      return;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isSymbolicLink()) {
        followLink(path, entry.name, current);
      } else if (entry.isDirectory()) {
        if (entry.name.endsWith('.md')) {
          problems.push(diagnostic(path, 0, treeRule, 'is a directory, but its name ends in .md: a page must be a file (rename the directory)'));
        } else {
          visit(path);
        }
      } else if (entry.isFile()) {
        files.push(path);
      } else if (entry.name.endsWith('.md')) {
        problems.push(diagnostic(path, 0, treeRule, 'is not a regular file (a page must be a file)'));
      }
    }
  };
  const followLink = (path: string, name: string, parent: string): void => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      problems.push(diagnostic(path, 0, treeRule, 'is a symbolic link to nothing (or a link loop)'));
      return;
    }
    const kind = statSync(real);
    if (kind.isDirectory()) {
      const loop = isInside(real, realOrSelf(parent)) ? ', a directory it is inside: a link loop' : '';
      problems.push(
        diagnostic(path, 0, treeRule, `is a symbolic link to the directory ${real}${loop}; not followed (put the files in the tree)`),
      );
    } else if (!isInside(boundary, real)) {
      problems.push(diagnostic(path, 0, treeRule, `is a symbolic link to ${real}, outside the content tree; not followed`));
    } else if (kind.isFile()) {
      files.push(path);
    } else if (name.endsWith('.md')) {
      problems.push(diagnostic(path, 0, treeRule, 'is not a regular file (a page must be a file)'));
    }
  };
  visit(start);
  return { files: files.sort(), problems };
}

/** True when `path` is `dir` or below it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
