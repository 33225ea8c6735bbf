// @ts-check
'use strict';
/**
 * What the editor tests judge on a page, as pure functions (unit-tested) plus the one browser-side
 * collector that feeds them: parameter fields with an error or a raw expression where a value
 * belongs, error texts that are not for people, and console errors from this package.
 */

/** Shown text that means a value was not rendered: an unresolved expression or a JS artefact. */
const RAW = [
	{ re: /\{\{|\}\}/, why: 'an unresolved expression' },
	{ re: /\$parameter\b|\$json\b/, why: 'expression source' },
	{ re: /\[object Object\]/, why: '[object Object]' },
	{ re: /(^|[^\w-])(undefined|NaN)([^\w-]|$)/, why: 'undefined / NaN' },
];

/**
 * Problems in what the fields of a node show.
 * @param {{ issues: string[], values: Array<{ name: string, value: string }>, texts: string[] }} seen
 *   `issues`: the parameters whose issue marker is visible; `values`: each visible input's parameter
 *   and value; `texts`: other visible text to judge (labels, hints, the canvas node's subtitle)
 * @returns {string[]}
 */
function fieldProblems(seen) {
	/** @type {string[]} */
	const out = seen.issues.map((name) => `${name}: shows an issue`);
	for (const { name, value } of seen.values) {
		// A value that is an expression on purpose starts with "=": none of these fields holds one.
		if (value.startsWith('=')) out.push(`${name}: shows a raw expression (${value.slice(0, 60)})`);
		for (const { re, why } of RAW)
			if (re.test(value)) out.push(`${name}: shows ${why} (${value.slice(0, 60)})`);
	}
	for (const text of seen.texts)
		for (const { re, why } of RAW)
			if (re.test(text)) out.push(`text shows ${why}: ${text.slice(0, 80)}`);
	return [...new Set(out)];
}

/**
 * Why an error text shown to a user is not a good one (empty list: it is): it must say something,
 * carry no JS artefact or stack trace, and never contain the App Secret.
 * @param {string} text @param {string[]} secrets
 * @returns {string[]}
 */
function errorTextProblems(text, secrets) {
	/** @type {string[]} */
	const out = [];
	if (text.trim().length < 10) out.push('says nearly nothing');
	if (/\[object Object\]|(^|\W)undefined(\W|$)/.test(text)) out.push('shows a JS artefact');
	if (/\n\s+at \S+ \(|\.js:\d+:\d+/.test(text)) out.push('shows a stack trace');
	for (const s of secrets) if (s && text.includes(s)) out.push('shows the App Secret');
	return out;
}

/**
 * Console errors that come from this package (its node or credential names, or its API paths).
 * @param {string[]} errors
 */
function ourConsoleErrors(errors) {
	return errors.filter((e) => /ccpayment|ccPayment/i.test(e));
}

/**
 * Collects, in the page, what fieldProblems judges for the open node: parameter issue markers,
 * visible input values, the parameters panel's text and the canvas nodes' subtitles.
 * @param {import('playwright-core').Page} page
 */
async function collectFields(page) {
	return page.evaluate(() => {
		// Runs in the page: the DOM's globals are the page's.
		const document = /** @type {any} */ (globalThis).document;
		const visible = (/** @type {any} */ el) => {
			const r = el.getBoundingClientRect();
			return r.width > 0 && r.height > 0;
		};
		const params = document.querySelector('[data-test-id="ndv"] [data-test-id="node-parameters"]');
		const nameOf = (/** @type {any} */ el) =>
			(
				el.closest('[data-test-id^="parameter-input-"]')?.getAttribute('data-test-id') ?? ''
			).replace('parameter-input-', '') ||
			(
				el.closest('[data-test-id^="resource-locator-"]')?.getAttribute('data-test-id') ?? ''
			).replace('resource-locator-', '') ||
			'field';
		const issues = params
			? [...params.querySelectorAll('[data-test-id="parameter-issues"]')]
					.filter(visible)
					.map((el) => nameOf(el.closest('.parameter-item') ?? el))
			: [];
		const values = params
			? [...params.querySelectorAll('input, textarea')]
					.filter((el) => visible(el) && /** @type {any} */ (el).type !== 'hidden')
					.map((el) => ({ name: nameOf(el), value: /** @type {any} */ (el).value }))
			: [];
		const texts = [
			...(params ? [/** @type {any} */ (params).innerText] : []),
			...[...document.querySelectorAll('[data-test-id="canvas-node"]')].map(
				(el) => /** @type {any} */ (el).innerText,
			),
		];
		return { issues, values, texts };
	});
}

module.exports = { fieldProblems, errorTextProblems, ourConsoleErrors, collectFields };
