import { boilerplateHandler } from './boilerplate.ts';
import { centeredBlockHandler } from './centered-block.ts';
import { changeLogHandler } from './change-log.ts';
import { companiesHandler, interactivePanelModalHandler, interactivePanelsHandler } from './companies.ts';
import { companyLogoHandler } from './company-logo.ts';
import { supportedKubernetesVersionsHandler, supportStatusTableHandler } from './compatibility.ts';
import { containerHandler, containerNames } from './container.ts';
import { contentPanelHandler } from './content-panel.ts';
import { featureBlockHandler } from './feature-block.ts';
import { featuresHandler } from './features.ts';
import { figureHandler } from './figure.ts';
import { glossHandler } from './gloss.ts';
import { imageHandler } from './image.ts';
import { involveBlockHandler } from './involve-block.ts';
import { logoCarouselHandler } from './logo-carousel.ts';
import { relnoteHandler } from './relnote.ts';
import { securityBulletinHandler } from './security-bulletin.ts';
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
  // News: release announcements and security bulletins, from the page's front matter.
  relnote: relnoteHandler,
  security_bulletin: securityBulletinHandler,
  // From the site's data files.
  supported_kubernetes_versions: supportedKubernetesVersionsHandler,
  support_status_table: supportStatusTableHandler,
  features: featuresHandler,
  companies: companiesHandler,
  interactive_panels: interactivePanelsHandler,
  interactive_panel_modal: interactivePanelModalHandler,
  logo_carousel: logoCarouselHandler,
  change_log: changeLogHandler,
  // Layout blocks.
  centered_block: centeredBlockHandler,
  feature_block: featureBlockHandler,
  involve_block: involveBlockHandler,
  content_panel: contentPanelHandler,
  company_logo: companyLogoHandler,
  figure: figureHandler,
};
