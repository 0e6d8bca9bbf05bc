/**
 * Whole-tree behaviour on a scratch copy of a fixture: writing, removing stale files, and the
 * check that CI runs (missing, outdated, stale).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths, type ContentPaths } from '../../src/config/paths.ts';
import { parsePage } from '../../src/model/parse.ts';
import { checkTreeSnips, generateTreeSnips, splitBanner, writeTreeSnips } from '../../src/snips/index.ts';

const fixture = join(projectRoot, 'tests/fixtures/snips/boilerplates');
let root: string;
let paths: ContentPaths;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'snips-tree-'));
  cpSync(fixture, root, { recursive: true });
  paths = resolveContentPaths(join(root, 'content'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const rel = (files: string[]): string[] => files.map((f) => relative(root, f)).sort();
const problems = (): string[] => checkTreeSnips(paths).map((p) => `${p.status} ${relative(root, p.file)}`);

describe('writeTreeSnips', () => {
  test('removes stale generated files, never a hand-written one, and leaves the tree up to date', () => {
    const result = writeTreeSnips(generateTreeSnips(paths));
    expect(rel(result.removed)).toEqual([
      'content/en/boilerplates/snips/old-removed.sh',
      'content/en/docs/no-snips/snips.sh',
      'content/en/docs/untested/snips.sh',
    ]);
    expect(result.written).toEqual([]);
    expect(result.unchanged).toBe(5);
    expect(existsSync(join(root, 'content/en/docs/handwritten/snips.sh'))).toBe(true);
    expect(problems()).toEqual([]);
  });

  test('a page that stops being tested loses its snips.sh', () => {
    writeTreeSnips(generateTreeSnips(paths));
    const page = join(root, 'content/en/docs/uses/index.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('test: yes', 'test: no'));
    expect(problems()).toEqual(['stale content/en/docs/uses/snips.sh']);
    expect(rel(writeTreeSnips(generateTreeSnips(paths)).removed)).toEqual(['content/en/docs/uses/snips.sh']);
    expect(problems()).toEqual([]);
  });
});

describe('checkTreeSnips', () => {
  test('reports missing, outdated and stale files and changes nothing', () => {
    rmSync(join(root, 'content/en/boilerplates/snips/z-inner.sh'));
    const page = join(root, 'content/en/docs/only-boilerplate/snips.sh');
    writeFileSync(page, `${readFileSync(page, 'utf8')}# edited by hand\n`);
    const before = readFileSync(page, 'utf8');
    expect(problems()).toEqual([
      'stale content/en/boilerplates/snips/old-removed.sh',
      'missing content/en/boilerplates/snips/z-inner.sh',
      'stale content/en/docs/no-snips/snips.sh',
      'outdated content/en/docs/only-boilerplate/snips.sh',
      'stale content/en/docs/untested/snips.sh',
    ]);
    expect(readFileSync(page, 'utf8')).toBe(before);
    expect(existsSync(join(root, 'content/en/docs/untested/snips.sh'))).toBe(true);
  });

  test('a boilerplate that gains a code block yields a file, and the pages including it source it', () => {
    writeTreeSnips(generateTreeSnips(paths));
    const boilerplate = join(root, 'content/en/boilerplates/empty-note.md');
    writeFileSync(boilerplate, `${readFileSync(boilerplate, 'utf8')}\n\`\`\`bash\n$ echo now with code\n\`\`\`\n`);
    expect(problems()).toEqual([
      'missing content/en/boilerplates/snips/empty-note.sh',
      'missing content/en/docs/no-snips/snips.sh',
      'outdated content/en/docs/uses/snips.sh',
    ]);
    const uses = generateTreeSnips(paths).pages.find((p) => p.source.endsWith('docs/uses/index.md'))!;
    expect(uses.sources).toContain('content/en/boilerplates/snips/empty-note.sh');
  });
});

describe('generateTreeSnips', () => {
  test('uses pages the caller has already parsed instead of reading them again', () => {
    const file = join(root, 'content/en/docs/uses/index.md');
    const edited = readFileSync(file, 'utf8').replace('$ echo own block', '$ echo parsed by the caller');
    const parsed = new Map([[file, parsePage(edited, 'docs', 'uses.md')]]);
    const page = generateTreeSnips(paths, { parsed }).pages.find((p) => p.source === 'uses.md')!;
    expect(page.content).toContain('echo parsed by the caller');
  });
});

describe('splitBanner', () => {
  const istio = join(projectRoot, '../shared/fixtures/istio.io/content/en/docs/tasks/traffic-management/request-routing/snips.sh');

  test.skipIf(!existsSync(istio))("splits istio.io's file (license block and all) after the WARNING banner", () => {
    const split = splitBanner(readFileSync(istio, 'utf8'))!;
    expect(split.markdownPath).toBe('docs/tasks/traffic-management/request-routing/index.md');
    expect(split.header).toContain('Apache License');
    expect(split.body.startsWith('source "content/en/boilerplates/snips/gateway-api-support.sh"\n\nsnip_route_to_version_1_1() {\n')).toBe(true);
  });

  test('splits ours the same way', () => {
    const page = generateTreeSnips(paths).pages.find((p) => p.source.endsWith('docs/uses/index.md'))!;
    const split = splitBanner(page.content!)!;
    expect(split.markdownPath).toBe('docs/uses/index.md');
    expect(split.header.startsWith('#!/bin/bash\n# shellcheck disable=SC2034,SC2153,SC2155,SC2164\n')).toBe(true);
    expect(split.body.startsWith('source "content/en/boilerplates/snips/a-outer.sh"\n')).toBe(true);
    expect(splitBanner('#!/bin/bash\necho no banner\n')).toBeUndefined();
  });
});
