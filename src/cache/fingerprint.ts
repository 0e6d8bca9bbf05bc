import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { projectRoot } from '../config/paths.ts';
import { tools, type Tool } from './tools.ts';

/** What a tool's results depend on. */
export interface Inputs {
  /**
   * Files, and directories with every file below them whatever its extension (a `.astro` component
   * or a stylesheet counts as much as a `.ts` module). Relative paths are of the project. Missing ones
   * are skipped: their absence is part of the state.
   */
  files?: readonly string[];
  /** Values the results depend on besides files: versions, settings, the names that exist. */
  values?: readonly unknown[];
}

/**
 * The one fingerprint of the toolchain: a hash of the tool's code (tools.ts) and of its inputs, files
 * by path (relative to the project) and content, then values. Two states with the same fingerprint
 * give the same results. Computed afresh on each call: a dev server lives through edits.
 */
export function fingerprint(tool: Tool, inputs: Inputs = {}): string {
  return hashInputs({ files: tools[tool].code, values: [tool] }, inputs);
}

function hashInputs(...inputs: readonly Inputs[]): string {
  const hash = createHash('sha256');
  for (const { files = [] } of inputs) {
    for (const file of filesOf(files)) hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const { values = [] } of inputs) hash.update(JSON.stringify(values)).update('\0');
  return hash.digest('hex');
}

/** The key of one entry (a page's text and name, a script's path and text). */
export function keyOf(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
}

/** A short hash of one string (a path), for directory names. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Every file of the given files and directories, each once, in a stable order. */
export function filesOf(paths: readonly string[]): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(projectRoot, path);
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (stat?.isFile()) found.add(absolute);
    else if (stat?.isDirectory()) {
      for (const entry of readdirSync(absolute, { recursive: true, encoding: 'utf8' })) {
        const file = join(absolute, entry);
        if (statSync(file, { throwIfNoEntry: false })?.isFile()) found.add(file);
      }
    }
  }
  return [...found].sort();
}
