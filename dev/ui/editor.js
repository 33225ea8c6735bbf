// @ts-check
'use strict';
/**
 * What a person does in n8n's editor, as Playwright steps. Selectors are n8n's own data-test-id
 * attributes (the ones n8n's e2e tests use) and visible text, chosen to work on n8n 1.x and 2.x.
 */

/** @typedef {import('playwright-core').Page} Page */

const SLOW = 120000; // 2 shared cores: the editor's first load alone can take a minute

/** @param {Page} page @param {string} id */
const byId = (page, id) => page.locator(`[data-test-id="${id}"]`);

/**
 * Signs in (or completes the first-run owner set-up when n8n shows it).
 * @param {Page} page @param {string} base @param {{ email: string, password: string }} owner
 */
async function login(page, base, owner) {
	page.setDefaultTimeout(SLOW);
	// Right after start n8n may still be writing the editor's files (1.x: /signin is a 404) or still
	// be starting (2.x: a plain "n8n is starting up" page): retry until the editor itself loads.
	for (let tries = 0; ; tries++) {
		const res = await page.goto(`${base}/signin`, { waitUntil: 'domcontentloaded' });
		const starting = /starting up/i.test(await page.content());
		if ((res?.status() === 200 && !starting) || tries >= 60) break;
		await page.waitForTimeout(2000);
	}
	await byId(page, 'auth-form').waitFor();
	if (page.url().includes('/setup')) {
		await byId(page, 'email').locator('input').fill(owner.email);
		await byId(page, 'firstName').locator('input').fill('UI');
		await byId(page, 'lastName').locator('input').fill('Owner');
	} else {
		await byId(page, 'emailOrLdapLoginId').locator('input').fill(owner.email);
	}
	await byId(page, 'password').locator('input').fill(owner.password);
	await byId(page, 'form-submit-button').click();
	await page.waitForURL((u) => !/\/(setup|signin)/.test(u.pathname));
}

/**
 * Creates a credential in the credential modal; saving runs n8n's credential test. Returns what the
 * modal shows: success, or the error text.
 * @param {Page} page
 * @param {{ base: string, type: string, fields: Record<string, string> }} o
 * @returns {Promise<{ ok: boolean, message: string }>}
 */
async function createCredential(page, o) {
	await page.goto(`${o.base}/home/credentials`, { waitUntil: 'domcontentloaded' });
	await byId(page, 'universal-add').click();
	await page.getByText('Credential', { exact: true }).first().click();
	const select = byId(page, 'selectCredential-modal');
	await select.waitFor();
	await byId(select.page(), 'new-credential-type-select').locator('input').fill(o.type);
	await byId(page, 'new-credential-type-select-option').filter({ hasText: o.type }).first().click();
	await byId(page, 'new-credential-type-button').click();
	const modal = byId(page, 'editCredential-modal');
	await modal.waitFor();
	for (const [name, value] of Object.entries(o.fields)) {
		const input = byId(page, `parameter-input-${name}`).locator('input, textarea').first();
		await input.fill(value);
	}
	await byId(page, 'credential-save-button').click();
	// Saving runs n8n's credential test: the modal then shows a success banner or the error banner
	// ("Couldn't connect with these settings" and the credential test's own message).
	const success = byId(page, 'credentials-config-container-test-success');
	const failure = modal.getByText(/couldn.t connect/i);
	await Promise.race([
		success.waitFor({ state: 'visible' }),
		failure.first().waitFor({ state: 'visible' }),
	]);
	const ok = await success.isVisible();
	if (ok) return { ok, message: (await success.innerText()).trim() };
	await modal.getByText('More details').first().click();
	await page.waitForTimeout(500);
	const text = await modal.innerText();
	const from = text.search(/couldn.t connect/i);
	const to = text.indexOf('Need help', from);
	return { ok, message: text.slice(from, to > from ? to : undefined).trim() };
}

/** Closes whatever modal is open. @param {Page} page */
async function closeModal(page) {
	await page.keyboard.press('Escape');
	await page.waitForTimeout(300);
}

module.exports = { login, createCredential, closeModal, byId, SLOW };
