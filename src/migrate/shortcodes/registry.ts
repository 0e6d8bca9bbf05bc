import { boilerplateHandler } from './boilerplate.ts';
import { containerHandler, containerNames } from './container.ts';
import { glossHandler } from './gloss.ts';
import { imageHandler } from './image.ts';
import { textImportHandler } from './text-import.ts';
import { mermaid, text } from './text.ts';
import type { ShortcodeHandler } from './types.ts';

/**
 * Every shortcode the importer converts, by name, one module each. Value shortcodes (versions,
 * repository URLs, icons, `data/args.yml` keys) are in hugo-values.ts; anything else is kept
 * visible and reported (`shortcode-unsupported`).
 */
export const shortcodeHandlers: Readonly<Record<string, ShortcodeHandler>> = {
  ...Object.fromEntries([...containerNames].map((name) => [name, containerHandler])),
  gloss: glossHandler,
  boilerplate: boilerplateHandler,
  image: imageHandler,
  text,
  text_import: textImportHandler,
  mermaid,
};
