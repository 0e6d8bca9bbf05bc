import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';

/**
 * What istio.io's data-driven shortcodes read besides the page: `data/compatibility/supportStatus.yml`
 * (`supported_kubernetes_versions`, `support_status_table`), `data/features.yaml` (`features`),
 * `data/companies.yml` (`companies`, `interactive_panels`), `data/versions.yml` (`relnote`) and the
 * case-study pages' front matter (`logo_carousel`). Read once per import; a missing file is
 * empty data, and the shortcode that needs it says so.
 */
export interface SiteData {
  supportStatus: SupportStatus[];
  features: Feature[];
  companies: Record<string, Company[]>;
  /** `data/versions.yml`: the release istio.io documents (`main`) and the preliminary one. */
  versions: { main?: string; preliminary?: string };
  /** Case-study pages (`type: case-studies`), in Hugo's default order (weight, then title). */
  caseStudies: CaseStudy[];
  /** Directories below `content/<lang>/` that hold a page (`news/releases/1.25.x/announcing-1.25/upgrade-notes`). */
  pageDirs: ReadonlySet<string>;
}

export interface SupportStatus {
  version: string;
  supported?: string;
  releaseDate?: string;
  eolDate?: string;
  k8sVersions?: string[];
  testedK8sVersions?: string[];
}

export interface Feature {
  name: string;
  link?: string;
  area?: string;
  level?: { maturity?: string };
  deprecation?: { state?: string; details?: { next?: string; replacement?: string } };
}

export interface Company {
  name: string;
  logo?: string;
  url?: string;
  description?: string;
  details?: string[];
}

export interface CaseStudy {
  companyName: string;
  logo?: string;
  /** Site path of the case-study page. */
  path: string;
}

export const emptySiteData: SiteData = { supportStatus: [], features: [], companies: {}, versions: {}, caseStudies: [], pageDirs: new Set() };

/** Reads one YAML data file; YAML errors are reported with file and line. */
export function readDataFile(file: string, display: string, diagnostics: Diagnostic[]): unknown {
  if (!existsSync(file)) return undefined;
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length > 0) {
    for (const e of doc.errors) diagnostics.push(diagnostic(display, (e.linePos?.[0]?.line ?? 0) || 1, 'site-data', `invalid YAML: ${e.message.split('\n')[0]}`));
    return undefined;
  }
  return doc.toJS();
}

export function loadSiteData(
  siteRoot: string,
  display: (file: string) => string,
  pages: { caseStudies: CaseStudy[]; pageDirs: ReadonlySet<string> },
): { data: SiteData; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read = (...parts: string[]): unknown => {
    const file = join(siteRoot, 'data', ...parts);
    return readDataFile(file, display(file), diagnostics);
  };
  const status = read('compatibility', 'supportStatus.yml');
  const features = read('features.yaml') as { features?: unknown } | undefined;
  const companies = read('companies.yml');
  const versions = read('versions.yml') as Record<string, unknown> | undefined;
  const data: SiteData = {
    supportStatus: Array.isArray(status) ? (status as SupportStatus[]).filter((s) => s && s.version !== undefined).map((s) => ({ ...s, version: String(s.version) })) : [],
    features: Array.isArray(features?.features) ? (features.features as Feature[]).filter((f) => f && typeof f.name === 'string') : [],
    companies: isRecord(companies) ? (Object.fromEntries(Object.entries(companies).filter(([, v]) => Array.isArray(v))) as Record<string, Company[]>) : {},
    versions: { main: stringOrUndefined(versions?.main), preliminary: stringOrUndefined(versions?.preliminary) },
    caseStudies: pages.caseStudies,
    pageDirs: pages.pageDirs,
  };
  return { data, diagnostics };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringOrUndefined(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}
