// @ts-check
'use strict';

/**
 * The control page's v2 parts: a v2 merchant's switches, balances and records, and the table of
 * every v2 path with whether the simulator serves it.
 */

const { describe } = require('./routes');
const { v2State } = require('./state');
const { COINS } = require('../shared/catalogue');
const { coinIdOf } = require('./catalogue');

/**
 * @param {any} sim
 * @param {string} appId
 * @param {import('../server').PageHelpers} h
 */
function merchantSection(sim, appId, h) {
	const { esc, button } = h;
	const m = sim.store.merchantConfig(appId) || {};
	const state = v2State(sim.store, appId);
	const parts = [];
	const ips = (m.ipWhitelist || []).join(', ') || '(any)';
	parts.push(
		`<p>API: <code>${esc(sim.url)}/ccpayment/v2/&lt;method&gt;</code> &middot; webhook URL: <code>${esc(m.webhookUrl || '(none)')}</code> &middot; IP whitelist: <code>${esc(ips)}</code> &middot; website verified: ${m.websiteVerified === false ? 'no' : 'yes'} &middot; withdrawal approval: ${m.withdrawApproval ? 'on' : 'off'} ` +
			button(
				m.websiteVerified === false ? 'Verify website' : 'Unverify website',
				'/__sim/merchant',
				{
					app_id: appId,
					website_verified: m.websiteVerified === false,
				},
			) +
			button(m.withdrawApproval ? 'Approval off' : 'Approval on', '/__sim/merchant', {
				app_id: appId,
				withdraw_approval: !m.withdrawApproval,
			}) +
			'</p>',
	);
	for (const section of sectionHooks) parts.push(section(sim, appId, state, h));
	parts.push('<h3>Balances</h3><table><tr><th>coinId</th><th>coin</th><th>available</th></tr>');
	for (const coin of COINS) {
		parts.push(
			`<tr><td>${coinIdOf(coin)}</td><td>${esc(coin.symbol)}</td><td>${esc(sim.store.balance(appId, coin.coin_id))}</td></tr>`,
		);
	}
	parts.push('</table>');
	return parts.join('\n');
}

/** @param {any} sim @param {import('../server').PageHelpers} h */
function summarySection(sim, h) {
	const { esc } = h;
	const rows = describe().map(
		(r) =>
			`<tr><td><code>${esc(r.path)}</code></td><td>${esc(r.group)}</td><td>${esc(r.source)}${r.alias_of ? ` (alias of ${esc(r.alias_of)})` : ''}</td><td>${r.implemented ? 'yes' : '<span class="muted">not yet</span>'}</td></tr>`,
	);
	return `<h2>v2 methods</h2><table><tr><th>path</th><th>group</th><th>source</th><th>served</th></tr>${rows.join('')}</table>`;
}

/**
 * Extra merchant sections (orders, withdrawals, ...) added by other v2 modules.
 * @type {((sim: any, appId: string, state: any, h: import('../server').PageHelpers) => string)[]}
 */
const sectionHooks = [];

module.exports = { merchantSection, summarySection, sectionHooks };
