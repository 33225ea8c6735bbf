#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Run the CCPayment simulator from a shell (no build needed, Node built-ins only):
 *   node simulator/cli.js [--port 8765] [--host 127.0.0.1] [--webhook-url URL] [--latency-ms N]
 *                         [--speed F]
 */

const { parseArgs } = require('util');

const USAGE = `Usage: node simulator/cli.js [options]
  --port <n>           port to listen on (default 8765; 0 = any free port)
  --host <addr>        address to bind (default 127.0.0.1)
  --webhook-url <url>  dashboard webhook URL of the default merchant
  --latency-ms <n>     delay added to every API request (default 0)
  --speed <factor>     multiply webhook retry gaps (default 1; e.g. 0.01)
  --fast-retries       webhook retries after milliseconds instead of minutes (speed 0.001)
  --v2-webhook-url <url>  dashboard webhook URL of the v2 merchant
  --help               show this text`;

const VALUE_OPTIONS = ['port', 'host', 'webhook-url', 'v2-webhook-url', 'latency-ms', 'speed'];
const FLAG_OPTIONS = ['help', 'fast-retries'];

/** Exit 2 with the usage text: the same answer for every kind of bad command line. */
function usageError(message) {
	process.stderr.write(`${message}\n${USAGE}\n`);
	process.exit(2);
}

/**
 * Parsed leniently (strict: false) so that unknown options can be listed by name and a value
 * option given without a value gets a clear message instead of Node's generic one.
 * @param {string[]} argv
 */
function readOptions(argv) {
	/** @type {Record<string, { type: 'string' | 'boolean', short?: string }>} */
	const options = {
		help: { type: 'boolean', short: 'h' },
		'fast-retries': { type: 'boolean' },
	};
	for (const name of VALUE_OPTIONS) options[name] = { type: 'string' };
	const { values, positionals } = parseArgs({
		args: argv,
		options,
		strict: false,
		allowPositionals: true,
	});
	const unknown = Object.keys(values).filter(
		(k) => !FLAG_OPTIONS.includes(k) && !VALUE_OPTIONS.includes(k),
	);
	if (unknown.length) usageError(`unknown option(s): ${unknown.map((k) => `--${k}`).join(', ')}`);
	if (positionals.length) usageError(`unexpected argument ${positionals[0]}`);
	for (const name of VALUE_OPTIONS) {
		if (values[name] === true) usageError(`--${name} needs a value`);
	}
	return /** @type {Record<string, string | boolean | undefined>} */ (values);
}

function number(name, value) {
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0) usageError(`--${name} must be a number >= 0`);
	return n;
}

async function main() {
	const args = readOptions(process.argv.slice(2));
	if (args.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	/** @type {Record<string, any>} */
	const options = { port: args.port !== undefined ? number('port', args.port) : 8765 };
	if (args.host) options.host = args.host;
	if (args['webhook-url']) options.webhookUrl = args['webhook-url'];
	if (args['latency-ms'] !== undefined)
		options.latencyMs = number('latency-ms', args['latency-ms']);
	if (args.speed !== undefined) options.webhook = { speedFactor: number('speed', args.speed) };
	if (args['fast-retries']) options.webhook = { speedFactor: 0.001 };
	if (args['v2-webhook-url']) {
		const { defaultConfig } = require('./shared/config');
		options.merchants = defaultConfig().merchants.map((m) =>
			m.protocol === 'v2' ? { ...m, webhookUrl: args['v2-webhook-url'] } : m,
		);
	}

	const { startSimulator } = require('./index');
	const sim = await startSimulator(options);
	const [first, second] = sim.merchants;
	const v2 = sim.v2Merchant;
	const lines = [
		'CCPayment simulator running (v1 and v2)',
		`  Base URL:     ${sim.url}            (credential "Base URL")`,
		`  App ID:       ${first.appId}`,
		`  App Secret:   ${first.appSecret}   (simulator dummy secret)`,
		second ? `  2nd merchant: ${second.appId} / ${second.appSecret}` : '',
		v2 ? `  v2 App ID:    ${v2.appId}   (API ${sim.url}/ccpayment/v2/<method>)` : '',
		v2 ? `  v2 App Secret: ${v2.appSecret}` : '',
		v2
			? `  v2 Webhook:   ${sim.store.merchantConfig(v2.appId).webhookUrl || '(none; --v2-webhook-url or POST /__sim/merchant)'}`
			: '',
		`  Control:      ${sim.url}/__sim/      (console; JSON routes in simulator/README.md)`,
		`  Webhook URL:  ${sim.config.merchants[0].webhookUrl || '(none; set with --webhook-url or POST /__sim/merchant)'}`,
		`  Latency:      ${sim.config.latencyMs} ms   Retry speed factor: ${sim.config.webhook.speedFactor}`,
		'Press Ctrl+C to stop.',
	].filter(Boolean);
	process.stdout.write(`${lines.join('\n')}\n`);

	let stopping = false;
	const shutdown = (signal) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping simulator\n`);
		sim.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
	process.stderr.write(`simulator failed: ${error && error.message}\n`);
	process.exit(1);
});
