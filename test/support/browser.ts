import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by .ci/run; Playwright never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumInstalled = () => existsSync(CHROMIUM);

/** Headless Chromium as this machine allows it: no sandbox, and no calls home the closed network would refuse. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
