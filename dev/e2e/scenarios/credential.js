// @ts-check
'use strict';
/**
 * Scenario 1: n8n's own credential test (POST /rest/credentials/test, what the editor's "Retry"/"Test"
 * button calls) against the simulator. Request shape, identical in 1.123.81 and 2.41.1
 * (TestCredentialRequestDto): { credentials: { id, name, type, data } }. The stored credential is found by
 * id; values equal to n8n's blanking sentinel (what the editor sends for a saved secret) are replaced
 * with the stored ones, anything else is tested as sent.
 */
const { CREDENTIAL_ID, CREDENTIAL_NAME, CREDENTIAL_TYPE } = require('../fixtures');

/** n8n-workflow CREDENTIAL_BLANKING_VALUE (same in 1.x and 2.x). */
const BLANK = '__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';

/**
 * @param {{ n8n: import('../lib/n8n').N8nInstance, sim: any, ok: (label: string, cond: boolean, detail?: unknown) => boolean, tag: string }} ctx
 */
async function run({ n8n, sim, ok }) {
	const good = {
		appId: sim.merchant.appId,
		appSecret: BLANK,
		baseUrl: sim.url,
		responseTimestampTolerance: 300,
	};
	const base = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: CREDENTIAL_TYPE };
	const secretText = sim.merchant.appSecret;

	const saved = await n8n.testCredential({ ...base, data: good });
	ok('credential test passes with the stored (right) secret', saved.status === 'OK', saved);

	const typed = await n8n.testCredential({
		...base,
		data: { ...good, appSecret: sim.merchant.appSecret },
	});
	ok('credential test passes with the right secret typed in', typed.status === 'OK', typed);

	const wrongSecret = 'ffffffffffffffffffffffffffffffff';
	const wrong = await n8n.testCredential({ ...base, data: { ...good, appSecret: wrongSecret } });
	ok('credential test fails with a wrong secret', wrong.status === 'Error', wrong);
	ok(
		'  ... and says the App ID / App Secret is wrong, not a raw code',
		/secret|app id/i.test(String(wrong.message)) && !/^\s*\d+\s*$/.test(String(wrong.message)),
		wrong.message,
	);
	ok(
		'  ... without echoing any secret',
		!String(wrong.message).includes(wrongSecret) && !String(wrong.message).includes(secretText),
		wrong.message,
	);

	const wrongApp = await n8n.testCredential({
		...base,
		data: { ...good, appId: '202401010000000000000000000099999' },
	});
	ok('credential test fails with an unknown App ID', wrongApp.status === 'Error', wrongApp);
}

module.exports = { run, BLANK };
