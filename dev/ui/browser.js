// @ts-check
'use strict';
/**
 * Debian's Chromium driven by playwright-core (no browser download): headless, no network beyond
 * loopback, a fresh profile per launch, light theme, 1440x900. Console errors are collected.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.CCPAYMENT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * @returns {Promise<{ page: import('playwright-core').Page, consoleErrors: string[], close: () => Promise<void> }>}
 */
async function launch() {
	const { chromium } = require('playwright-core');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ccpayment-ui-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
		viewport: { width: 1440, height: 900 },
		colorScheme: 'light',
		permissions: ['clipboard-read', 'clipboard-write'],
	});
	const page = context.pages()[0] ?? (await context.newPage());
	/** @type {string[]} */
	const consoleErrors = [];
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text());
	});
	page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
	return {
		page,
		consoleErrors,
		close: async () => {
			await context.close().catch(() => {});
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

module.exports = { launch, CHROMIUM };
