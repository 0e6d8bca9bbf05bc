/** The page model: parse once, read by the site, the snips generator, lint and the runner. */
export { splitBashBlock, commandText, type BashSplit, type BashLine } from './bash-split.ts';
export { buildContentIndex, findGlossaryEntry, kindOf, listMarkdown, loadAllPages, pageFilesOf, walkContent, pageSlug, type ContentIndex } from './content-tree.ts';
export { walkTree, isInside, treeRule, type TreeWalk } from './tree-walk.ts';
export { ContentError, diagnostic, formatDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostic.ts';
export { parseFenceMeta, type FenceMeta } from './fence-meta.ts';
export { frontmatterSchema, testValues, type Frontmatter, type PageKind } from './frontmatter.ts';
export { decodePageBytes, loadPage, markdownProcessor, parsePage, readPageSource, type CodeBlock, type Page } from './parse.ts';
export { splitRepoPaths, stripRepoPaths } from './repo-links.ts';
export { sectionOfHeadingLine, slugSection } from './sections.ts';
export { buildBreakingRules, validatePage } from './validate.ts';
export { checkPage, codesIn, ruleContext, rules, runRules, type Rule, type Tool } from './rules/index.ts';
export { loadVersions, substituteVersions, type VersionValues } from './versions.ts';
