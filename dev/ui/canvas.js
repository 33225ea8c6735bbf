// @ts-check
'use strict';
/**
 * What a person does on n8n's canvas and in a node's details view (NDV), as Playwright steps: add a
 * node from the node creator, pick options and list items, run a node, read the output panel, copy a
 * webhook's Test URL and listen for a test event. n8n's data-test-id attributes, n8n 1.x and 2.x.
 */
const { byId } = require('./editor');

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

/**
 * A new, empty workflow with the node creator open on a search.
 * @param {Page} page @param {string} base @param {string} search
 */
async function newWorkflowSearch(page, base, search) {
	await page.goto(`${base}/workflow/new`, { waitUntil: 'domcontentloaded' });
	await byId(page, 'canvas-plus-button').click();
	await byId(page, 'node-creator-search-bar').fill(search);
	await byId(page, 'node-creator-item-name').getByText(search, { exact: true }).first().click();
}

/**
 * Clicks an entry of the node creator's list (a trigger event or an action) by its exact text; the
 * actions section is folded when the canvas is empty, so it is unfolded first when needed.
 * @param {Page} page @param {string} text
 */
async function pickCreatorItem(page, text) {
	const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
	const item = byId(page, 'item-iterator-item').filter({ hasText: exact }).first();
	await byId(page, 'item-iterator-item').first().waitFor();
	if (!(await item.isVisible()))
		await page
			.getByText(/^Actions \(\d+\)$/)
			.first()
			.click();
	await item.click();
	await ndv(page).waitFor();
}

/** The open node details view. @param {Page} page */
const ndv = (page) => byId(page, 'ndv');

/**
 * The visible dropdown entry whose own label is `name` (entries may carry a description line).
 * @param {Page} page @param {string | RegExp} name
 */
function option(page, name) {
	return page
		.getByRole('option')
		.filter({
			has: typeof name === 'string' ? page.getByText(name, { exact: true }) : page.getByText(name),
		})
		.locator('visible=true')
		.first();
}

/**
 * Sets an options parameter through its dropdown.
 * @param {Page} page @param {string} parameter @param {string} label
 */
async function setOption(page, parameter, label) {
	const field = ndv(page).locator(`[data-test-id="parameter-input-${parameter}"]`);
	await field.click();
	await option(page, label).click();
	await page.waitForFunction(
		([el, want]) => {
			const input = /** @type {any} */ (el).querySelector('input');
			return (input?.value ?? el?.textContent ?? '').trim() === want;
		},
		/** @type {const} */ ([await field.elementHandle(), label]),
	);
}

/** What an options parameter's field shows. @param {Page} page @param {string} parameter */
async function optionValue(page, parameter) {
	const field = ndv(page).locator(`[data-test-id="parameter-input-${parameter}"]`);
	const input = field.locator('input').first();
	return ((await input.count()) ? await input.inputValue() : await field.innerText()).trim();
}

/**
 * The open resource locator list's items. n8n 1.x wraps the list in "resource-locator-dropdown",
 * 2.x in a popover inside the field; only one list is open at a time, so the visible items are it.
 * @param {Page} page
 */
const pickerItems = (page) => page.locator('[data-test-id="rlc-item"]').locator('visible=true');

/**
 * Opens a resource locator's list ("From list") and waits for the items the node's search method
 * loaded; returns their labels.
 * @param {Page} page @param {string} parameter
 */
async function openPicker(page, parameter) {
	await byId(page, `resource-locator-${parameter}`).locator('[data-test-id="rlc-input"]').click();
	await pickerItems(page).first().waitFor();
	return pickerItems(page).allInnerTexts();
}

/**
 * Types into the open list's search box and waits until it shows only items that match.
 * @param {Page} page @param {string} text
 */
async function searchPicker(page, text) {
	await page
		.locator('input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input')
		.locator('visible=true')
		.first()
		.fill(text);
	await page.waitForFunction((needle) => {
		const doc = /** @type {any} */ (globalThis).document;
		const rows = [...doc.querySelectorAll('[data-test-id="rlc-item"]')].filter(
			(/** @type {any} */ r) => r.getBoundingClientRect().height > 0,
		);
		return (
			rows.length > 0 &&
			rows.every((/** @type {any} */ r) => (r.textContent ?? '').toLowerCase().includes(needle))
		);
	}, text.toLowerCase());
	return pickerItems(page).allInnerTexts();
}

/** Picks the open list's item with this label. @param {Page} page @param {string} label */
async function pickItem(page, label) {
	await pickerItems(page).filter({ hasText: label }).first().click();
}

/**
 * Switches a resource locator to its "ID" mode and types a value. With `autosave` (n8n 2.x), waits
 * until the editor's automatic save has stored the value: n8n 2.x runs a node from the saved
 * workflow, and a run started while that save is still on its way uses the old value.
 * @param {Page} page @param {string} parameter @param {string} value
 * @param {{ autosave?: boolean }} [opts]
 */
async function setLocatorById(page, parameter, value, opts = {}) {
	const saved = opts.autosave
		? page.waitForResponse(
				(r) =>
					r.request().method() === 'PATCH' &&
					/\/rest\/workflows\/[^/]+$/.test(new URL(r.url()).pathname) &&
					(r.request().postData() ?? '').includes(JSON.stringify(value)),
			)
		: undefined;
	const locator = byId(page, `resource-locator-${parameter}`);
	await locator.locator('[data-test-id="rlc-mode-selector"]').click();
	// n8n shows the mode named "ID" as "By ID".
	await option(page, /^(By )?ID$/).click();
	const input = locator.locator('[data-test-id="rlc-input"]');
	await input.fill(value);
	await input.press('Tab');
	if (saved && !(await saved).ok()) throw new Error(`the editor could not save ${parameter}`);
}

/**
 * Runs the open node ("Execute step") and waits for what `expect`s: data (an item count) or an
 * error. Waiting for the expected outcome matters on a second run, where the first run's output is
 * still on screen until the new one replaces it; the other outcome is read when it never comes.
 * @param {Page} page @param {'data' | 'error'} expect
 * @returns {Promise<{ ok: true, text: string } | { ok: false, message: string, description: string }>}
 */
async function runNode(page, expect) {
	const output = byId(page, 'output-panel');
	const count = output.locator('[data-test-id="ndv-items-count"]');
	const error = output.locator('[data-test-id="node-error-message"]');
	await ndv(page).locator('[data-test-id="node-execute-button"]').first().click();
	const outcome = expect === 'data' ? count.or(error).first() : error.first();
	// When the expected outcome never comes, what the panel shows instead is read below.
	await outcome.waitFor().then(
		() => true,
		() => false,
	);
	if (await error.first().isVisible()) {
		const description = output.locator('[data-test-id="node-error-description"]');
		return {
			ok: false,
			message: (await error.first().innerText()).trim(),
			description: (await description.count())
				? (await description.first().innerText()).trim()
				: '',
		};
	}
	return { ok: true, text: await outputText(page) };
}

/**
 * What the output panel shows once it has items (its default view for the data).
 * @param {Page} page
 */
async function outputText(page) {
	const output = byId(page, 'output-panel');
	await output.locator('[data-test-id="ndv-items-count"]').first().waitFor();
	// The container appears before its rows are drawn: wait until it shows some text.
	const data = output.locator('[data-test-id="ndv-data-container"]').filter({ hasText: /\S/ });
	await data.first().waitFor();
	return (await data.first().innerText()).trim();
}

/**
 * The webhook's Test URL as the "Webhook URLs" section of the parameters panel copies it.
 * @param {Page} page
 */
async function copyTestUrl(page) {
	await ndv(page).getByText('Webhook URLs').first().click();
	const test = ndv(page).locator('[data-test-id="radio-button-test"]');
	if (await test.count()) await test.first().click();
	const url = ndv(page).locator('.webhook-url').first();
	await url.waitFor();
	await url.click();
	const copied = await page
		.evaluate(
			() =>
				/** @type {Promise<string>} */ (
					/** @type {any} */ (globalThis).navigator.clipboard.readText()
				),
		)
		.catch(() => '');
	return { copied: copied.trim(), shown: (await url.innerText()).trim() };
}

/**
 * Clicks the trigger panel's listen button; returns its label and what the panel then shows.
 * @param {Page} page
 */
async function listenForTestEvent(page) {
	const button = ndv(page).locator('[data-test-id="trigger-execute-button"]').first();
	const label = (await button.innerText()).trim();
	await button.click();
	const listening = byId(page, 'trigger-listening');
	await listening.waitFor();
	return { label, shows: (await listening.innerText()).trim() };
}

module.exports = {
	newWorkflowSearch,
	pickCreatorItem,
	ndv,
	setOption,
	optionValue,
	openPicker,
	searchPicker,
	pickItem,
	setLocatorById,
	runNode,
	outputText,
	copyTestUrl,
	listenForTestEvent,
};
