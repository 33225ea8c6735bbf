// @ts-check
'use strict';
/**
 * What a person does in n8n's editor outside a workflow, as Playwright steps: sign in, and create a
 * credential in the credential modal. Selectors are n8n's own data-test-id attributes (the ones n8n's
 * e2e tests use) and visible text, chosen to work on n8n 1.x and 2.x.
 */

/** @typedef {import('playwright-core').Page} Page */

const SLOW = 180000; // 2 shared cores under load: one editor action alone can take a minute

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
 * Opens the credential modal for a new credential of one type (by its display name).
 * @param {Page} page @param {string} base @param {string} type
 */
async function openNewCredential(page, base, type) {
	await page.goto(`${base}/home/credentials`, { waitUntil: 'domcontentloaded' });
	await byId(page, 'universal-add').click();
	// The menu entry reads "Credential" on n8n 1.x and "New credential" on 2.x.
	await page
		.getByText(/^\s*(New )?credential\s*$/i)
		.locator('visible=true')
		.first()
		.click();
	await byId(page, 'selectCredential-modal').waitFor();
	await byId(page, 'new-credential-type-select').locator('input').fill(type);
	await byId(page, 'new-credential-type-select-option').filter({ hasText: type }).first().click();
	await byId(page, 'new-credential-type-button').click();
	await byId(page, 'editCredential-modal').waitFor();
	// The modal asks n8n for the credential's name and shows it once answered; saving before that
	// sends an empty name, which n8n 2.x refuses ("String must contain at least 1 character(s)").
	await byId(page, 'editCredential-modal')
		.locator('[data-test-id="credential-name"]')
		.first()
		.waitFor();
}

/**
 * Fills the open credential modal and saves; saving runs n8n's credential test. Returns what the
 * modal then shows: success, or the error banner's text.
 * @param {Page} page @param {Record<string, string>} fields
 * @returns {Promise<{ ok: boolean, message: string }>}
 */
async function saveCredential(page, fields) {
	const modal = byId(page, 'editCredential-modal');
	for (const [name, value] of Object.entries(fields)) {
		await modal
			.locator(`[data-test-id="parameter-input-${name}"]`)
			.locator('input, textarea')
			.first()
			.fill(value);
	}
	// The test's own answer says which banner to wait for: after a correction the old error banner
	// is still on screen until the new result replaces it.
	const tested = page.waitForResponse(
		(r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST',
	);
	await byId(page, 'credential-save-button').click();
	const answer = await (await tested).json().catch(() => ({}));
	const ok = (answer?.data ?? answer)?.status === 'OK';
	const success = byId(page, 'credentials-config-container-test-success');
	if (ok) {
		await success.waitFor({ state: 'visible' });
		return { ok, message: (await success.innerText()).trim() };
	}
	await modal
		.getByText(/couldn.t connect/i)
		.first()
		.waitFor({ state: 'visible' });
	const more = modal.getByText('More details');
	if (await more.first().isVisible()) await more.first().click();
	const text = await modal.innerText();
	const from = text.search(/couldn.t connect/i);
	const to = text.indexOf('Need help', from);
	return { ok, message: text.slice(from, to > from ? to : undefined).trim() };
}

/** Closes whatever modal is open, and waits until it is gone. @param {Page} page */
async function closeModal(page) {
	await page.keyboard.press('Escape');
	await byId(page, 'editCredential-modal').waitFor({ state: 'hidden' });
}

module.exports = { login, openNewCredential, saveCredential, closeModal, byId, SLOW };
