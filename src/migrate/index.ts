/**
 * Migration from Hugo (istio.io's layout): the importer and the snips compatibility check.
 * See README.md beside this file.
 */
export { compatCandidates, compatCounts, compatPassed, firstDifference, loadAllowlist, runCompat, type AllowlistEntry, type CompatReport, type CompatResult } from './compat.ts';
export { explainDifference, quirks, type Comparison, type Quirk, type QuirkContext, type QuirkId } from './compat-quirks.ts';
export { convertHugoMarkdown, markdownIndent, textAttributes, type ConvertContext, type ConvertResult, type EmittedFence } from './convert-page.ts';
export { normalizeFrontmatter } from './frontmatter.ts';
export { iconShortcodes, istioRepository, valueShortcode, versionShortcodes, type RepositoryUrls, type SiteArgs } from './hugo-values.ts';
export { compareFences, importHugoSite, ImportInputError, isHugoGeneratedSnips, type ImportedPage, type ImportOptions, type ImportReport } from './import-site.ts';
export { parseShortcodeParams, scanShortcodes, type ShortcodeToken, type Token } from './shortcode-scan.ts';
export { buildShortcodeTree, type HugoNode } from './shortcode-tree.ts';
