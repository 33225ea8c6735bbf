// @ts-check
'use strict';
/**
 * Scenario 4: n8n's output must not contain an error or warning caused by this package.
 *
 * A line is a problem when
 *   - it is a stack frame or message that points into the installed package (".../n8n-nodes-ccpayment/..."),
 *   - or it looks like an error/warning and it, or a line next to it, names this package or its nodes
 *     (n8n-nodes-ccpayment, ccPayment, ccPaymentTrigger, ccPaymentApi, "CCPayment").
 * The suite's own section headers (`===== ...`) are ignored, as are the temp and cache folders' names
 * (they contain "ccpayment-e2e"), and the JSON result of `n8n execute --rawOutput` is not part of the scanned log.
 * Sections whose header matches `expectedFailures` are skipped: runs a scenario makes fail on purpose.
 */

const PROBLEM =
	/\b(error|errors|warn|warning|exception|unhandled|uncaught|fail|failed|failure|cannot|could not|unable|invalid|deprecated|problem|not found|crash(ed)?|refus(ed|ing)|missing)\b/i;
const OURS = /n8n-nodes-ccpayment|ccpayment/i;
const INSTALLED_CODE = /n8n-nodes-ccpayment[\\/](dist|package\.json)/;
const WINDOW = 2;

/**
 * @param {string} text the whole n8n log (CLI commands + `n8n start`)
 * @param {string[]} neutral folders whose names contain "ccpayment" but say nothing about the package
 *   (the suite's temp folder, the n8n install cache); they are replaced before scanning
 * @param {RegExp[]} [expectedFailures] headers of sections to skip
 * @returns {string[]} offending lines, with their line numbers
 */
function checkLogs(text, neutral, expectedFailures = []) {
	const dirs = [...neutral].filter(Boolean).sort((a, b) => b.length - a.length);
	let skipping = false;
	/** The section each line belongs to, named in a problem so a failure says which command it came from. */
	const sections = /** @type {string[]} */ ([]);
	let section = '';
	const lines = text.split('\n').map((l) => {
		if (l.startsWith('===== ')) {
			skipping = expectedFailures.some((re) => re.test(l));
			section = l.slice(6).replace(/ =+$/, '').slice(0, 120);
			sections.push(section);
			return '';
		}
		sections.push(section);
		if (/^=+$/.test(l)) skipping = false;
		if (skipping) return '';
		for (const d of dirs) l = l.split(d).join('<dir>');
		return l;
	});
	/** @type {string[]} */
	const problems = [];
	const mentions = lines.map((l) => OURS.test(l));
	lines.forEach((line, i) => {
		if (!line) return;
		const nearOurs = mentions.slice(Math.max(0, i - WINDOW), i + WINDOW + 1).some(Boolean);
		if (INSTALLED_CODE.test(line) || (PROBLEM.test(line) && nearOurs))
			problems.push(`line ${i + 1} (in: ${sections[i]}): ${line.trim().slice(0, 300)}`);
	});
	return problems;
}

module.exports = { checkLogs };
