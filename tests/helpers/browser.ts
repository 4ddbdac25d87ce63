import { chromium, type BrowserContext } from 'playwright-core';
import { makeTempDir } from './temp';

/** Debian's Chromium, installed by `npm test` when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A headless Chromium context that records every request leaving localhost (there must be none).
 * `bypassCSP` lets injected markup run despite the portal's policy, so a test sees an escaping bug as a script that ran.
 */
export async function launchBrowser(options: { bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; externalRequests: string[]; close: () => Promise<void> }> {
  const profile = makeTempDir('cluster-map-chromium-');
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
  });
  const externalRequests: string[] = [];
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:', 'about:'].includes(u.protocol)) externalRequests.push(req.url());
  });
  return {
    context,
    externalRequests,
    close: async () => {
      await context.close();
      profile.remove();
    },
  };
}
