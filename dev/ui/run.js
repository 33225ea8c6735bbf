// @ts-check
'use strict';
/**
 * The editor checks for one n8n version, in real Chromium: sign in, create a credential per API
 * version in the credential modal (test passes), a wrong secret (the friendly message shows), no
 * browser console error from this package, and the screenshots. A failed step saves a screenshot
 * and names it in the failure.
 */
const fs = require('fs');
const path = require('path');
const { launch } = require('./browser');
const editor = require('./editor');
const { startStack } = require('./stack');

/** @typedef {(label: string, cond: boolean, detail?: unknown) => boolean} Ok */

/**
 * @param {{ runtime: import('../e2e/lib/install').RuntimeInfo, pack: any, dir: string, npmCache: string,
 *   shotsDir: string, ok: Ok, say: (line: string) => void, onStarted: (stop: () => Promise<unknown>) => void }} o
 */
async function uiVersion(o) {
	const tag = `n8n${o.runtime.major}`;
	const { n8n, simulator, owner } = await startStack(o);
	const browser = await launch();
	o.onStarted(() => browser.close());
	const { page } = browser;
	/** @param {string} name */
	const shot = async (name) => {
		const file = path.join(o.shotsDir, `${tag}-${name}.png`);
		await page.screenshot({ path: file });
		return file;
	};
	/**
	 * One step: on failure the screenshot path goes with the failure.
	 * @param {string} label @param {() => Promise<{ ok: boolean, detail?: unknown }>} fn
	 */
	const step = async (label, fn) => {
		try {
			const r = await fn();
			const failShot = r.ok ? undefined : await shot(`failed-${label.replace(/\W+/g, '-')}`);
			return o.ok(label, r.ok, r.ok ? undefined : { detail: r.detail, screenshot: failShot });
		} catch (e) {
			const failShot = await shot(`failed-${label.replace(/\W+/g, '-')}`).catch(() => '(none)');
			return o.ok(label, false, {
				error: String(/** @type {Error} */ (e).message).split('\n')[0],
				screenshot: failShot,
			});
		}
	};
	try {
		await step('sign in to the editor', async () => {
			await editor.login(page, n8n.base, owner);
			return { ok: true };
		});
		const v2 = /** @type {{ appId: string, appSecret: string } | undefined} */ (
			/** @type {any} */ (simulator).v2Merchant
		);
		const creds = [
			{ type: 'CCPayment V1 API', merchant: simulator.merchant },
			...(v2 ? [{ type: 'CCPayment V2 API', merchant: v2 }] : []),
		];
		for (const { type, merchant } of creds) {
			await step(`${type}: credential modal, Test passes`, async () => {
				const r = await editor.createCredential(page, {
					base: n8n.base,
					type,
					fields: { appId: merchant.appId, appSecret: merchant.appSecret, baseUrl: simulator.url },
				});
				if (type.includes('V1')) await shot('credential-modal');
				await editor.closeModal(page);
				return { ok: r.ok && /tested successfully/i.test(r.message), detail: r };
			});
			await step(`${type}: wrong secret shows the friendly message`, async () => {
				const r = await editor.createCredential(page, {
					base: n8n.base,
					type,
					fields: {
						appId: merchant.appId,
						appSecret: `x${merchant.appSecret.slice(1)}`,
						baseUrl: simulator.url,
					},
				});
				if (type.includes('V1')) await shot('credential-error');
				await editor.closeModal(page);
				o.say(`${type}, wrong secret: ${r.message.replace(/\s+/g, ' ').slice(0, 160)}`);
				return {
					// The credential test's own words (v1: "did not accept these credentials", v2: "the App
					// Secret is wrong"), not a bare HTTP error.
					ok: !r.ok && /did not accept these credentials|App Secret is wrong/i.test(r.message),
					detail: r,
				};
			});
		}
		await step("the simulator's control page renders", async () => {
			await page.goto(`${simulator.url}/__sim`, { waitUntil: 'load' });
			await shot('simulator');
			return { ok: (await page.locator('body').innerText()).length > 50 };
		});
		const ours = browser.consoleErrors.filter((e) => /ccpayment/i.test(e));
		o.ok('no browser console error from this package', ours.length === 0, ours.slice(0, 5));
	} finally {
		await browser.close();
		await n8n.stop();
		await simulator.stop();
		fs.mkdirSync(o.shotsDir, { recursive: true });
	}
}

module.exports = { uiVersion };
