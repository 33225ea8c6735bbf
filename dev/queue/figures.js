// @ts-check
'use strict';
/**
 * Pure helpers turning executions (n8n public API, with data) into the duplicate figures the queue-mode
 * suite prints and checks: per event, how many deliveries were sent, how many runs the trigger started
 * (its own memory is the first layer) and how many times the payment step after Remove Duplicates ran.
 */

/** First output item's json of a node in a run. @param {any} e @param {string} node @returns {any[]} */
function outputOf(e, node) {
	const runs = e?.data?.resultData?.runData?.[node] ?? [];
	return runs
		.flatMap((/** @type {any} */ r) => r?.data?.main?.[0] ?? [])
		.map((/** @type {any} */ it) => it.json);
}

/**
 * @param {any[]} executions
 * @param {{ triggerNode: string, paymentNode: string, sent: Record<string, number> }} o sent: deliveries per record_id
 */
function dedupFigures(executions, { triggerNode, paymentNode, sent }) {
	/** @type {Map<string, { recordId: string, deliveries: number, triggerRuns: number, paymentRuns: number }>} */
	const byRecord = new Map();
	for (const [recordId, deliveries] of Object.entries(sent))
		byRecord.set(recordId, { recordId, deliveries, triggerRuns: 0, paymentRuns: 0 });
	/** @type {Record<string, number>} */
	const paymentRanOn = {};
	for (const e of executions) {
		for (const j of outputOf(e, triggerNode)) {
			const hit = byRecord.get(j?.record_id);
			if (hit) hit.triggerRuns++;
		}
		for (const j of outputOf(e, paymentNode)) {
			// dedupKey = <order type>:<record_id>:<status>
			const hit = byRecord.get(String(j?.dedupKey ?? '').split(':')[1] ?? '');
			if (hit) hit.paymentRuns++;
			paymentRanOn[String(j?.ranOn)] = (paymentRanOn[String(j?.ranOn)] ?? 0) + 1;
		}
	}
	const events = [...byRecord.values()];
	const total = (/** @type {'deliveries' | 'triggerRuns' | 'paymentRuns'} */ k) =>
		events.reduce((s, x) => s + x[k], 0);
	return {
		events,
		paymentRanOn,
		deliveries: total('deliveries'),
		triggerRuns: total('triggerRuns'),
		paymentRuns: total('paymentRuns'),
		// Deliveries the trigger itself acknowledged without a run (its own memory at work).
		suppressedByTrigger: total('deliveries') - total('triggerRuns'),
		// Runs the trigger let through that Remove Duplicates stopped before the payment step.
		suppressedByRemoveDuplicates: total('triggerRuns') - total('paymentRuns'),
	};
}

/** One printable line per figure set. @param {string} tag @param {ReturnType<typeof dedupFigures>} f */
function formatFigures(tag, f) {
	return (
		`${tag}: ${f.deliveries} deliveries of ${f.events.length} events -> trigger started ${f.triggerRuns} runs ` +
		`(its memory absorbed ${f.suppressedByTrigger}) -> Remove Duplicates stopped ${f.suppressedByRemoveDuplicates} ` +
		`-> payment step ran ${f.paymentRuns} times`
	);
}

module.exports = { dedupFigures, formatFigures, outputOf };
