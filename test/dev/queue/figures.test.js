// @ts-check
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { dedupFigures, formatFigures } = require('../../../dev/queue/figures');

/** An execution as n8n's public API returns it, with the trigger's and the payment step's items. */
function execution(/** @type {string} */ recordId, /** @type {string | null} */ ranOn) {
	/** @type {Record<string, any>} */
	const runData = {
		Trigger: [{ data: { main: [[{ json: { record_id: recordId } }]] } }],
	};
	if (ranOn)
		runData['Payment step'] = [
			{ data: { main: [[{ json: { dedupKey: `api_deposit:${recordId}:success`, ranOn } }]] } },
		];
	return { data: { resultData: { runData } } };
}

const o = { triggerNode: 'Trigger', paymentNode: 'Payment step' };

test('per event: deliveries, runs past the trigger, payment-step runs', () => {
	const f = dedupFigures(
		[execution('111', 'worker-1'), execution('111', null), execution('222', 'worker-2')],
		{ ...o, sent: { 111: 21, 222: 1 } },
	);
	assert.deepEqual(f.events, [
		{ recordId: '111', deliveries: 21, triggerRuns: 2, paymentRuns: 1 },
		{ recordId: '222', deliveries: 1, triggerRuns: 1, paymentRuns: 1 },
	]);
	assert.equal(f.suppressedByTrigger, 19);
	assert.equal(f.suppressedByRemoveDuplicates, 1);
	assert.deepEqual(f.paymentRanOn, { 'worker-1': 1, 'worker-2': 1 });
	assert.match(formatFigures('[n8n 1]', f), /22 deliveries of 2 events -> trigger started 3 runs/);
});

test('a payment step that ran twice is counted twice (the failure the suite must see)', () => {
	const f = dedupFigures([execution('111', 'worker-1'), execution('111', 'worker-2')], {
		...o,
		sent: { 111: 2 },
	});
	assert.equal(f.events[0].paymentRuns, 2);
});

test('runs of other records are ignored', () => {
	const f = dedupFigures([execution('999', 'worker-1')], { ...o, sent: { 111: 1 } });
	assert.deepEqual(f.events, [{ recordId: '111', deliveries: 1, triggerRuns: 0, paymentRuns: 0 }]);
});
