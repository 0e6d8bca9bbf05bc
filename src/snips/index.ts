/**
 * The snips generator: each code block of a `test: yes` page becomes a shell function or variable
 * in a generated `snips.sh` beside it, which the page's hand-written `test.sh` calls.
 */
export { transformLine, type LineContext, type SnipRewrite } from './lines.ts';
export {
  boilerplateSource,
  generatePageSnips,
  isTestedPage,
  snipPrefix,
  snipsTarget,
  type BoilerplateStatus,
  type SnipsContext,
} from './page.ts';
export {
  bannerRule,
  bannerWarning,
  heredocDelimiter,
  isGeneratedSnips,
  readHeredoc,
  renderBanner,
  renderSnipsFile,
  splitBanner,
  valueAfterRead,
  type BannerSplit,
  type Snippet,
} from './render.ts';
export {
  checkTreeSnips,
  compareTreeSnips,
  existingGeneratedFiles,
  generateFileSnips,
  generateTreeSnips,
  openSnipsSession,
  writeTreeSnips,
  type SnipsSession,
  type TreeOptions,
} from './tree.ts';
export { namesAvailable } from './names.ts';
export type { PageSnips, SnipDefinition, SnipsFileProblem, SnipsWriteResult, TreeSnips } from './types.ts';
