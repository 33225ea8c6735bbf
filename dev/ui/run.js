// @ts-check
'use strict';
/**
 * The editor checks for one n8n version, in real Chromium: sign in; per API version the credential
 * modal (wrong secret, then Test passes); the CCPayment node; the CCPayment Trigger; the simulator's
 * control page; no browser console error from this package. A scenario that stops on an exception
 * is retried once (a new workflow, so nothing carries over); its failure names a screenshot.
 */
const path = require('path');
const { launch } = require('./browser');
const editor = require('./editor');
const scenarios = require('./scenarios');
const { ourConsoleErrors } = require('./checks');
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
	const shotFile = (name) => path.join(o.shotsDir, `${tag}-${name}.png`);
	/** @param {string} name */
	const shot = async (name) => {
		const file = shotFile(name);
		await page.screenshot({ path: file });
		return file;
	};
	/** Screenshots of failed checks, taken while the scenario goes on; awaited before the browser closes. */
	/** @type {Promise<unknown>[]} */
	const failedShots = [];
	/** @type {import('./scenarios').Ctx} */
	const ctx = {
		page,
		base: n8n.base,
		major: o.runtime.major,
		simulator,
		check: (label, cond, detail) => {
			if (cond) return o.ok(label, true);
			const name = `failed-check-${failedShots.length + 1}`;
			failedShots.push(shot(name).catch(() => ''));
			return o.ok(label, false, { detail, url: page.url(), screenshot: shotFile(name) });
		},
		shot,
		say: o.say,
	};
	/**
	 * Runs one scenario; an exception (a UI step that never became possible) is a failure with its
	 * screenshot, after one more try when `retry` says the scenario can start over.
	 * @param {string} label @param {() => Promise<unknown>} fn @param {{ retry?: boolean }} [opts]
	 */
	const scenario = async (label, fn, opts = {}) => {
		for (let attempt = 1; ; attempt++) {
			try {
				await fn();
				return true;
			} catch (e) {
				const first = String(/** @type {Error} */ (e).message).split('\n')[0];
				const file = await shot(`failed-${label.replace(/\W+/g, '-')}-${attempt}`).catch(
					() => '(none)',
				);
				if (opts.retry && attempt === 1) {
					o.say(`${label}: retrying once after: ${first} (screenshot ${file})`);
					continue;
				}
				return o.ok(`${label}: completes`, false, { error: first, screenshot: file });
			}
		}
	};
	try {
		const signedIn = await scenario('sign in to the editor', async () => {
			await editor.login(page, n8n.base, owner);
			o.ok('sign in to the editor', true);
		});
		if (!signedIn) return;
		const creds = [
			{ type: 'CCPayment V1 API', merchant: simulator.merchant, shots: false },
			{ type: 'CCPayment V2 API', merchant: simulator.v2Merchant, shots: true },
		];
		for (const c of creds)
			await scenario(`${c.type} credential`, () => scenarios.credential(ctx, c));
		await scenario('CCPayment node', () => scenarios.actionNode(ctx), { retry: true });
		await scenario('CCPayment Trigger', () => scenarios.trigger(ctx), { retry: true });
		await scenario("the simulator's control page", async () => {
			await page.goto(`${simulator.url}/__sim`, { waitUntil: 'load' });
			await shot('simulator');
			const text = await page.locator('body').innerText();
			o.ok("the simulator's control page renders", /simulator/i.test(text) && text.length > 200);
		});
		const ours = ourConsoleErrors(browser.consoleErrors);
		o.ok('no browser console error from this package', ours.length === 0, ours.slice(0, 5));
	} finally {
		await Promise.all(failedShots);
		await browser.close();
		await n8n.stop();
		await simulator.stop();
	}
}

module.exports = { uiVersion };
