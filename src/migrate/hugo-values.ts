import type { ShortcodeParams } from './shortcode-scan.ts';

/**
 * Shortcodes that expand to a value (a version, a repository URL, an icon). Where our site has the
 * same value as `%%name%%` (src/model/versions.ts) the result is that placeholder, so pages keep
 * following `data/args.yml`; everything else is computed from the site's `data/args.yml` now.
 */

/** istio.io shortcode → our `%%name%%` value (the key in data/args.yml, or a derived one). */
export const versionShortcodes: Readonly<Record<string, string>> = {
  istio_version: 'version',
  istio_full_version: 'full_version',
  istio_previous_version: 'previous_version',
  istio_full_version_revision: 'full_version_revision',
  istio_previous_version_revision: 'previous_version_revision',
  k8s_gateway_api_version: 'k8s_gateway_api_version',
  source_branch_name: 'source_branch_name',
  branch_name: 'source_branch_name',
};

/** Where the Hugo site's repository links point (istio.io's layouts hard-code istio/istio). */
export interface RepositoryUrls {
  /** `https://github.com/istio/istio` */
  github: string;
  /** `https://raw.githubusercontent.com/istio/istio` */
  raw: string;
}

export const istioRepository: RepositoryUrls = {
  github: 'https://github.com/istio/istio',
  raw: 'https://raw.githubusercontent.com/istio/istio',
};

const branch = '%%source_branch_name%%';

/** Inline icons: our site has no icon shortcodes, and plain characters read the same. */
export const iconShortcodes: Readonly<Record<string, string>> = {
  warning_icon: '⚠️',
  idea_icon: '💡',
  tip_icon: '💡',
  info_icon: 'ℹ️',
  checkmark_icon: '✔️',
  cancel_icon: '❌',
};

/** Raw values of the Hugo site's data/args.yml (strings, numbers and booleans only). */
export type SiteArgs = Readonly<Record<string, string | number | boolean>>;

/**
 * The replacement text of a value shortcode, or undefined when `name` is not one.
 * `{{< github_file >}}` must come out exactly as istio.io's snips generator writes it
 * (`https://raw.githubusercontent.com/istio/istio/<branch>`): with the branch as `%%source_branch_name%%`,
 * our generator substitutes the same text.
 */
export function valueShortcode(name: string, params: ShortcodeParams, args: SiteArgs, repo: RepositoryUrls = istioRepository): string | undefined {
  const mapped = versionShortcodes[name];
  if (mapped) return `%%${mapped}%%`;
  if (name in iconShortcodes) return iconShortcodes[name];
  switch (name) {
    case 'github_file':
      return `${repo.raw}/${branch}`;
    case 'github_tree':
      return `${repo.github}/tree/${branch}`;
    case 'github_blob':
      return `${repo.github}/blob/${branch}`;
    case 'github_raw':
      return repo.github;
    case 'istioctl':
      return 'istioctl';
    case 'istio_release_name':
      return String(args.full_version ?? '').replace(/\.0$/, '');
    case 'istio_release_url':
      return isTrue(args.preliminary) ? `${repo.github}/releases/` : `${repo.github}/releases/tag/%%full_version%%`;
    case 'istio_docker_image': {
      const image = params.positional[0] ?? params.named.name ?? '';
      return `docker.io/istio/${image}:%%version%%.0${isTrue(args.preliminary) ? '-rc.1' : ''}`;
    }
    default:
      // Any other key of data/args.yml used as a shortcode of the same name.
      if (Object.hasOwn(args, name) && typeof args[name] !== 'object') return `%%${name}%%`;
      return undefined;
  }
}

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}
