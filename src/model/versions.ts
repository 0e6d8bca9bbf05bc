import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { diagnostic, ContentError } from './diagnostic.ts';

/** Keys `data/args.yml` must define (istio.io's names, so imported pages keep working). */
export const requiredVersionKeys = [
  'version',
  'full_version',
  'previous_version',
  'source_branch_name',
  'k8s_gateway_api_version',
] as const;

export type VersionValues = Readonly<Record<string, string>>;

/**
 * `%%name%%` is the syntax for a version value in prose and code. Chosen because it cannot occur
 * in Helm or Go template text (`{{ .Values.x }}`), in YAML or in bash except by intent, and it has
 * no space, so it also works inside link URLs.
 */
export const versionPattern = /%%([a-z][a-z0-9_]*)%%/g;

/** Loads `<data>/args.yml` and adds the derived values (`*_revision`: dots become dashes). */
export function loadVersions(dataDir: string): VersionValues {
  const file = join(dataDir, 'args.yml');
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
    throw new ContentError([diagnostic(file, line, 'versions', `cannot read version values: ${(error as Error).message}`)]);
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (value !== null && typeof value !== 'object') values[key] = String(value);
  }
  const missing = requiredVersionKeys.filter((k) => values[k] === undefined);
  if (missing.length > 0) {
    throw new ContentError([diagnostic(file, 0, 'versions', `missing key(s): ${missing.join(', ')}`)]);
  }
  return withDerivedValues(values);
}

export function withDerivedValues(values: Record<string, string>): VersionValues {
  return {
    ...values,
    full_version_revision: values.full_version?.replaceAll('.', '-') ?? '',
    previous_version_revision: values.previous_version?.replaceAll('.', '-') ?? '',
  };
}

/** Replaces every known `%%name%%`; unknown names are left as written (lint reports them). */
export function substituteVersions(text: string, values: VersionValues): string {
  if (!text.includes('%%')) return text;
  return text.replace(versionPattern, (whole, name: string) => values[name] ?? whole);
}

/** Names used in `text` that have no value. */
export function unknownVersionNames(text: string, values: VersionValues): string[] {
  const unknown: string[] = [];
  for (const m of text.matchAll(versionPattern)) if (values[m[1]!] === undefined) unknown.push(m[1]!);
  return unknown;
}
