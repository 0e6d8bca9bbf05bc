/**
 * `@path/in/mesh/repo.yaml@` in a code block names a file of the mesh's source repository.
 * istio.io's regex: an `@` not preceded by a letter or digit (so `a@b.io` is left alone), a path of
 * word characters, dots, dashes and slashes, and a closing `@`. The greedy prefix makes the
 * last pair match first, exactly as snip.py does, so results agree on odd input like `@a@b@`.
 */
const lastRepoPath = /^(.*)(?<![A-Za-z0-9])@([\w.\-/]+)@(.*)$/s;

/** The line with every `@path@` replaced by `path` (what the snips and the copied command hold). */
export function stripRepoPaths(line: string): string {
  let out = line;
  for (let m = lastRepoPath.exec(out); m; m = lastRepoPath.exec(out)) out = `${m[1]}${m[2]}${m[3]}`;
  return out;
}

export interface TextPart {
  text: string;
  /** Set when this part was an `@path@` reference. */
  repoPath?: string;
}

/** Splits a line into plain text and `@path@` references, for rendering links. */
export function splitRepoPaths(line: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = line;
  for (let m = lastRepoPath.exec(rest); m; m = lastRepoPath.exec(rest)) {
    if (m[3]) parts.unshift({ text: m[3] });
    parts.unshift({ text: m[2]!, repoPath: m[2]! });
    rest = m[1]!;
  }
  if (rest) parts.unshift({ text: rest });
  return parts;
}
