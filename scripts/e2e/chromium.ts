import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (playwright cannot download browsers here), headless, with the flags that keep it off
 * the network it would otherwise call at start-up (background updates, sync, QUIC): this machine's closed
 * network refuses those connections, many at a time. CHROMIUM=<path> picks another binary.
 */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
	'--disable-quic',
];

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
	return await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}
