// @ts-check
'use strict';
/**
 * The editor scenarios for one n8n version, each a list of checks: the credential modal (per API
 * version), the CCPayment node (resource and operation, the coin picker, a run, an error), and the
 * CCPayment Trigger (Test URL, "Listen for test event", a delivered event). `ctx.check` records one
 * check; `ctx.shot` saves a named screenshot.
 */
const canvas = require('./canvas');
const editor = require('./editor');
const { collectFields, errorTextProblems, fieldProblems } = require('./checks');
const { directDeposit } = require('./deliver');

/**
 * @typedef {{ page: import('playwright-core').Page, base: string,
 *   simulator: { url: string, merchant: { appId: string, appSecret: string }, v2Merchant: { appId: string, appSecret: string } },
 *   major: number, check: (label: string, cond: boolean, detail?: unknown) => boolean,
 *   shot: (name: string) => Promise<string>, say: (line: string) => void }} Ctx
 */

/** The node's fields: none shows an issue or a raw expression. @param {Ctx} ctx @param {string} what */
async function checkFields(ctx, what) {
	const problems = fieldProblems(await collectFields(ctx.page));
	return ctx.check(
		`${what}: no field shows an error or a raw expression`,
		!problems.length,
		problems,
	);
}

/**
 * A wrong App Secret first (the friendly message), then the right one in the same modal (Test
 * passes): one working credential of the type remains for the nodes to pick up.
 * @param {Ctx} ctx @param {{ type: string, merchant: { appId: string, appSecret: string }, shots: boolean }} o
 */
async function credential(ctx, o) {
	const { page } = ctx;
	await editor.openNewCredential(page, ctx.base, o.type);
	const wrong = await editor.saveCredential(page, {
		appId: o.merchant.appId,
		appSecret: `x${o.merchant.appSecret.slice(1)}`,
		baseUrl: ctx.simulator.url,
	});
	if (o.shots) await ctx.shot('credential-error');
	ctx.say(`${o.type}, wrong secret: ${wrong.message.replace(/\s+/g, ' ').slice(0, 160)}`);
	ctx.check(
		`${o.type}: a wrong secret shows the friendly message`,
		// The credential test's own words (v1: "did not accept these credentials", v2: "the App
		// Secret is wrong"), not a bare HTTP error.
		!wrong.ok && /did not accept these credentials|App Secret is wrong/i.test(wrong.message),
		wrong,
	);
	const right = await editor.saveCredential(page, { appSecret: o.merchant.appSecret });
	if (o.shots) await ctx.shot('credential-modal');
	ctx.check(
		`${o.type}: with the right secret, Test passes`,
		right.ok && /tested successfully/i.test(right.message),
		right,
	);
	await editor.closeModal(page);
}

/**
 * The CCPayment node (v2): resource and operation, the coin picker loaded from the simulator and
 * searched, a run whose output the panel shows, then an unknown coin ID and the error it shows.
 * @param {Ctx} ctx
 */
async function actionNode(ctx) {
	const { page } = ctx;
	await canvas.newWorkflowSearch(page, ctx.base, 'CCPayment');
	// A v2-only action: n8n's creator lists it only when it offers v2's operations for Balance.
	await canvas.pickCreatorItem(page, 'Get a balance');
	await canvas.setOption(page, 'resource', 'Balance');
	await canvas.setOption(page, 'operation', 'Get');
	const picked = [
		await canvas.optionValue(page, 'resource'),
		await canvas.optionValue(page, 'operation'),
	];
	ctx.check(
		'CCPayment node: resource and operation picked (Balance, Get)',
		picked[0] === 'Balance' && picked[1] === 'Get',
		picked,
	);
	const items = await canvas.openPicker(page, 'coinId');
	ctx.check(
		"CCPayment node: the coin picker lists the simulator's coins",
		items.length >= 5 && items.includes('USDT · Tether USD') && items.includes('TRX · TRON'),
		items,
	);
	await ctx.shot('action-picker');
	const found = await canvas.searchPicker(page, 'usdt');
	ctx.check(
		'CCPayment node: searching the picker narrows it to the match',
		found.length === 1 && found[0] === 'USDT · Tether USD',
		found,
	);
	await canvas.pickItem(page, 'USDT · Tether USD');
	await checkFields(ctx, 'CCPayment node');
	const run = await canvas.runNode(page, 'data');
	ctx.check(
		"CCPayment node: runs, and the output panel shows the simulator's USDT balance",
		run.ok && /\b1280\b/.test(run.text) && /USDT/.test(run.text) && /available/.test(run.text),
		run,
	);
	await canvas.setLocatorById(page, 'coinId', '999999', { autosave: ctx.major >= 2 });
	const failed = await canvas.runNode(page, 'error');
	await ctx.shot('error-item');
	const shown = 'message' in failed ? `${failed.message}\n${failed.description}` : '';
	ctx.say(`unknown coin: ${shown.replace(/\s+/g, ' ').slice(0, 200)}`);
	const problems = errorTextProblems(shown, [ctx.simulator.v2Merchant.appSecret]);
	ctx.check(
		'CCPayment node: an unknown coin ID shows an error a person can act on',
		!failed.ok && !problems.length,
		{ failed, problems },
	);
}

/**
 * The CCPayment Trigger (v2): its Test URL copied from the panel, "Listen for test event", a deposit
 * the simulator notifies to that URL, and the event in the output panel.
 * @param {Ctx} ctx
 */
async function trigger(ctx) {
	const { page } = ctx;
	await canvas.newWorkflowSearch(page, ctx.base, 'CCPayment');
	await canvas.pickCreatorItem(page, 'On direct deposit');
	await checkFields(ctx, 'CCPayment Trigger');
	const url = await canvas.copyTestUrl(page);
	ctx.check(
		"CCPayment Trigger: the panel's Test URL copies",
		url.copied === url.shown && /\/webhook-test\/[^/]+\/webhook$/.test(url.copied),
		url,
	);
	const listen = await canvas.listenForTestEvent(page);
	ctx.say(`trigger button: "${listen.label}"`);
	ctx.check('CCPayment Trigger: listens for a test event', /listening/i.test(listen.shows), listen);
	const sent = await directDeposit(ctx.simulator, {
		to: url.copied,
		referenceId: 'ui-buyer-1',
		amount: '12.5',
	});
	const text = await canvas.outputText(page);
	await ctx.shot('trigger-event');
	ctx.check(
		'CCPayment Trigger: the delivered event shows in the output panel, creditable',
		text.includes(sent.recordId) &&
			/DirectDeposit/.test(text) &&
			/creditable\W{0,3}true/.test(text),
		text.slice(0, 600),
	);
}

module.exports = { credential, actionNode, trigger };
