import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { siteConfig } from '../config/site.ts';

/**
 * Where `@path@` in a code block links to, per content tree: `<data>/repositories.yml`.
 *
 *     default: https://github.com/istio/istio        # without repo=…
 *     api: https://github.com/istio/api              # ```` ```bash repo=api ````
 *     other: https://github.com/istio/{repo}         # any other repo=NAME
 *
 * Without the file, links go to the mesh's own source repository (src/config/site.ts).
 */
export const repositoriesSchema = z.record(z.string(), z.string().url().or(z.string().includes('{repo}')));
export type Repositories = Record<string, string>;

export function loadRepositories(dataDir: string): Repositories {
  const file = join(dataDir, 'repositories.yml');
  const defaults = { default: siteConfig.meshSource.url };
  if (!existsSync(file)) return defaults;
  const result = repositoriesSchema.safeParse(parse(readFileSync(file, 'utf8')) ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return { ...defaults, ...result.data };
}

/** The repository URL for a fence's `repo=` option. */
export function repositoryUrl(repos: Repositories, name?: string): string {
  if (name && repos[name]) return repos[name]!;
  if (name && repos.other) return repos.other.replaceAll('{repo}', name);
  return repos.default!;
}
