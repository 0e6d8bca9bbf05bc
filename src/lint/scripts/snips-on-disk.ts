import { readFileSync } from 'node:fs';

export interface DiskSnips {
  /** Names defined (functions and variables) with the line of their definition. */
  definitions: Map<string, number>;
  /** `source "…"` paths, as written. */
  sources: string[];
}

// `snip_x() {`, `snip_x=…` and `! IFS=$'\n' read -r -d '' snip_x_out <<\ENDSNIP` (istio.io's layout).
const definitionLine = /^(?:((?:bp)?snip_\w+)(?:\(\)\s*\{|=)|!?\s*IFS=\S*\s+read\s+-r\s+-d\s+''\s+((?:bp)?snip_\w+))/;
const sourceLine = /^\s*(?:source|\.)\s+["']?([^"'\s;]+)["']?/;

/** Reads a generated snips file: what it defines and what it sources. Used to map shellcheck lines back to Markdown. */
export function readDiskSnips(file: string): DiskSnips | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const definitions = new Map<string, number>();
  const sources: string[] = [];
  let inHeredoc: string | undefined;
  text.split('\n').forEach((line, i) => {
    if (inHeredoc) {
      if (line === inHeredoc) inHeredoc = undefined;
      return;
    }
    const d = definitionLine.exec(line);
    if (d) definitions.set((d[1] ?? d[2])!, i + 1);
    const heredoc = /<<-?\s*\\?['"]?(\w+)['"]?\s*\)?\s*$/.exec(line);
    if (heredoc) inHeredoc = heredoc[1];
    const s = sourceLine.exec(line);
    if (s && !d) sources.push(s[1]!);
  });
  return { definitions, sources };
}
