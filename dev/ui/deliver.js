// @ts-check
'use strict';
/**
 * The event the trigger test waits for, made by the simulator: a v2 permanent deposit address (a
 * signed API call, as a merchant's backend makes it) and a deposit to it, whose DirectDeposit
 * webhook the simulator signs and sends to the URL the editor showed.
 */
const { product } = require('../dist');
const { request } = require('../e2e/lib/http');

/**
 * @param {{ url: string, v2Merchant: { appId: string, appSecret: string } }} simulator
 * @param {{ to: string, referenceId: string, amount: string }} o
 * @returns {Promise<{ recordId: string, amount: string }>}
 */
async function directDeposit(simulator, o) {
	const signer = product('signerV2');
	const { appId, appSecret } = simulator.v2Merchant;
	const body = JSON.stringify({ referenceId: o.referenceId, chain: 'TRX' });
	const address = await request(
		'POST',
		`${simulator.url}/ccpayment/v2/getOrCreateAppDepositAddress`,
		{
			headers: {
				'content-type': 'application/json',
				...signer.signedHeaders(appId, appSecret, body),
			},
			body,
		},
	);
	if (address.status !== 200 || address.json?.code !== 10000)
		throw new Error(`deposit address: ${address.status} ${address.text.slice(0, 200)}`);
	const deposit = await request('POST', `${simulator.url}/__sim/v2/addresses/deposit`, {
		body: { referenceId: o.referenceId, chain: 'TRX', amount: o.amount, url: o.to },
	});
	if (deposit.status !== 200)
		throw new Error(`deposit: ${deposit.status} ${deposit.text.slice(0, 200)}`);
	return { recordId: String(deposit.json.record.recordId), amount: o.amount };
}

module.exports = { directDeposit };
