import type { Diagnostic } from '../model/diagnostic.ts';

/** One shell definition generated from a code block. */
export interface SnipDefinition {
  /** `snip_route_to_version_1_1`, `snip_show_routes_out`, `bpsnip_args_x`. */
  name: string;
  /** `function` (bash commands), `output` (expected output of a bash block), `variable` (other languages). */
  kind: 'function' | 'output' | 'variable';
  /** Markdown file the block is in (display path) and the line of its opening fence. */
  file: string;
  line: number;
}

/** The snips of one page or boilerplate. */
export interface PageSnips {
  /** Markdown source (display path). */
  source: string;
  /** Where the generated file goes (absolute). */
  target: string;
  /** Full file text, or undefined when the page yields nothing (no blocks, no boilerplates). */
  content: string | undefined;
  definitions: SnipDefinition[];
  /** Boilerplate snips files it sources, in order (`content/en/boilerplates/snips/x.sh`). */
  sources: string[];
  diagnostics: Diagnostic[];
  /** `docs` for a page, `boilerplate` for a boilerplate (its names start with `bpsnip_`). */
  kind: 'docs' | 'boilerplate';
  /** Names of the boilerplates it sources (`gateway-api-support`), same order as `sources`. */
  boilerplates: string[];
  /** The Markdown file, absolute. */
  markdown: string;
}

/** Result over a whole content tree. */
export interface TreeSnips {
  pages: PageSnips[];
  /** Generated files that exist on disk but should not (page no longer `test: yes`): absolute paths. */
  stale: string[];
  diagnostics: Diagnostic[];
}

/** A generated file that is not what the generator would write (`npm run snips -- --check`). */
export interface SnipsFileProblem {
  /** Absolute path of the generated file. */
  file: string;
  /** `missing`: should exist; `outdated`: differs from the generated text; `stale`: should not exist. */
  status: 'missing' | 'outdated' | 'stale';
  /** Markdown the file is generated from (display path); absent for stale files. */
  source?: string;
}

/** What `writeTreeSnips` did. */
export interface SnipsWriteResult {
  written: string[];
  removed: string[];
  unchanged: number;
}
