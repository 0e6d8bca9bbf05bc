import type { ContentPaths } from '../../config/paths.ts';
import { remarkBoilerplates } from './boilerplates.ts';
import { remarkCallouts } from './callouts.ts';
import { remarkCode } from './code.ts';
import { createRenderContext, type RenderContext, type RenderPlugin } from './context.ts';
import { remarkFigures } from './figures.ts';
import { remarkGlossary } from './glossary.ts';
import { remarkHeadingIds } from './heading-ids.ts';
import { remarkKnownDirectives } from './known-directives.ts';
import { remarkTabs } from './tabs.ts';
import { remarkVersions } from './versions.ts';

/**
 * The renderer: the site side of the authoring format, one remark plugin per concern over the page
 * model, in the one order they run. Registered by the site's integration (src/site/integration.ts),
 * ahead of Starlight's own remark plugins, so our directives are rendered before Starlight's asides
 * see them. A new concern is one module plus one line here.
 */
export const renderPipeline: readonly RenderPlugin[] = [
  // Included content first: every concern below sees it as part of the page.
  remarkBoilerplates,
  remarkKnownDirectives,
  remarkHeadingIds,
  remarkCallouts,
  remarkFigures,
  remarkTabs,
  remarkGlossary,
  // New concerns that make text, HTML or directives into elements go here (before version values, so
  // what they add gets the values; before code, which turns every remaining code block into HTML).
  remarkVersions,
  // Last: a code block is HTML from here on.
  remarkCode,
];

/** The pipeline as remark plugins for `unified({ remarkPlugins })`, sharing one context. */
export function renderPlugins(paths: ContentPaths, ctx: RenderContext = createRenderContext(paths)): [RenderPlugin, RenderContext][] {
  return renderPipeline.map((plugin) => [plugin, ctx]);
}

export { createRenderContext, type RenderContext, type RenderPlugin } from './context.ts';
