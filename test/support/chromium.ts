// Debian's Chromium, which the browser tests drive with playwright-core.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = () => (existsSync(CHROMIUM) ? undefined : `${CHROMIUM} does not exist (apt-get install chromium)`);
