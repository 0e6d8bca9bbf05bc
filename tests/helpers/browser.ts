import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveDir } from './static-server.ts';

/** Debian's Chromium (installed by scripts/install-system-deps.sh); Playwright's own download is not reachable here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run "sudo bash scripts/install-system-deps.sh"`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // Without these Chromium keeps dialling out, and this network refuses it.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A built site served on 127.0.0.1 with Chromium on it, as `inChromium` hands it to a suite's tests. */
export interface ChromiumSession {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  browser: Browser;
  context: BrowserContext;
  /** A page opened in `context`, for suites that use one page throughout. */
  page: Page;
}

/**
 * The Chromium set-up every site suite shares: in the enclosing suite's `beforeAll`, serve `dist()` (a
 * function: the build runs in an outer `beforeAll`) and open Chromium with one context and page; close
 * both in its `afterAll`. The returned session is filled in before the suite's first test runs.
 */
export function inChromium(dist: () => string, options: { permissions?: string[] } = {}): ChromiumSession {
  const session = {} as ChromiumSession;
  let server: Awaited<ReturnType<typeof serveDir>> | undefined;
  beforeAll(async () => {
    server = await serveDir(dist());
    session.url = server.url;
    session.browser = await launchBrowser();
    session.context = await session.browser.newContext();
    if (options.permissions) await session.context.grantPermissions(options.permissions, { origin: server.url });
    session.page = await session.context.newPage();
  });
  afterAll(async () => {
    await session.browser?.close();
    await server?.close();
  });
  return session;
}
