#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Run the CCPayment v1 simulator from a shell:
 *   node simulator/cli.js [--port 8765] [--host 127.0.0.1] [--webhook-url URL] [--latency-ms N] [--speed F]
 * Needs the compiled signer: build first with `npx tsc -p tsconfig.json`.
 */

const USAGE = `Usage: node simulator/cli.js [options]
  --port <n>           port to listen on (default 8765; 0 = any free port)
  --host <addr>        address to bind (default 127.0.0.1)
  --webhook-url <url>  dashboard webhook URL of the default merchant
  --latency-ms <n>     delay added to every API request (default 0)
  --speed <factor>     multiply webhook retry gaps (default 1; e.g. 0.01)
  --help               show this text`;

function parseArgs(argv) {
	/** @type {Record<string, string>} */
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			out.help = '1';
			continue;
		}
		const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
		if (!match) throw new Error(`unexpected argument ${arg}`);
		const value = match[2] !== undefined ? match[2] : argv[++i];
		if (value === undefined) throw new Error(`--${match[1]} needs a value`);
		out[match[1]] = value;
	}
	return out;
}

function number(name, value) {
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0`);
	return n;
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`${error.message}\n${USAGE}\n`);
		process.exit(2);
	}
	if (args.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	let startSimulator;
	try {
		({ startSimulator } = require('./index'));
	} catch (error) {
		process.stderr.write(`Cannot load the simulator (${error.message}).\nBuild the package first: npx tsc -p tsconfig.json\n`);
		process.exit(1);
	}
	/** @type {Record<string, any>} */
	const options = { port: args.port !== undefined ? number('port', args.port) : 8765 };
	if (args.host) options.host = args.host;
	if (args['webhook-url']) options.webhookUrl = args['webhook-url'];
	if (args['latency-ms'] !== undefined) options.latencyMs = number('latency-ms', args['latency-ms']);
	if (args.speed !== undefined) options.webhook = { speedFactor: number('speed', args.speed) };
	const known = ['port', 'host', 'webhook-url', 'latency-ms', 'speed', 'help'];
	const unknown = Object.keys(args).filter((k) => !known.includes(k));
	if (unknown.length) {
		process.stderr.write(`unknown option(s): ${unknown.map((k) => `--${k}`).join(', ')}\n${USAGE}\n`);
		process.exit(2);
	}

	const sim = await startSimulator(options);
	const [first, second] = sim.merchants;
	const lines = [
		'CCPayment v1 simulator running',
		`  Base URL:     ${sim.url}            (credential "Base URL")`,
		`  App ID:       ${first.appId}`,
		`  App Secret:   ${first.appSecret}   (simulator dummy secret)`,
		second ? `  2nd merchant: ${second.appId} / ${second.appSecret}` : '',
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
