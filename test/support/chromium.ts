// Debian's Chromium, which the browser tests drive with playwright-core.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = () => (existsSync(CHROMIUM) ? undefined : `${CHROMIUM} does not exist (apt-get install chromium)`);

/**
 * Launches it headless as root on a closed network: without the background-networking flags
 * Chromium keeps trying hosts this machine cannot reach.
 */
export const launchChromium = async () => {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
};
