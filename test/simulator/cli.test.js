// @ts-check
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { spawn } = require('child_process');
const { startReceiver, ok, control } = require('../helpers/simulator');

const CLI = path.join(__dirname, '..', '..', 'simulator', 'cli.js');

/** Start the CLI and resolve with its printed banner once it is ready. */
function startCli(args) {
	const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	let err = '';
	const ready = new Promise((resolve, reject) => {
		child.stdout.on('data', (chunk) => {
			out += chunk;
			if (out.includes('Press Ctrl+C')) resolve(out);
		});
		child.stderr.on('data', (chunk) => {
			err += chunk;
		});
		child.on('exit', (code) => reject(new Error(`CLI exited early (${code}): ${err}`)));
	});
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	return { child, ready, exited, output: () => out };
}

test('the CLI prints URL, App ID, App Secret and control URL, serves signed API calls, and stops on SIGTERM', async (t) => {
	const hook = await startReceiver();
	t.after(() => hook.close());
	const cli = startCli([
		'--port',
		'0',
		'--webhook-url',
		hook.url,
		'--latency-ms',
		'1',
		'--speed',
		'0.01',
	]);
	t.after(() => cli.child.kill('SIGKILL'));
	const banner = String(await cli.ready);
	const url = /Base URL:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
	assert.ok(url, banner);
	assert.match(banner, /App ID:\s+202401010000000000000000000000001/);
	assert.match(banner, /App Secret:\s+0123456789abcdef0123456789abcdef/);
	assert.match(banner, /Control:\s+http:\/\/127\.0\.0\.1:\d+\/__sim\//);
	assert.ok(banner.includes(hook.url));
	const sim = {
		url: url[1],
		merchant: {
			appId: '202401010000000000000000000000001',
			appSecret: '0123456789abcdef0123456789abcdef',
		},
	};
	const data = await ok(sim, 'check/user', { c_id: '9454818' });
	assert.equal(data.nickname, 'alv***');
	const config = await control(sim, 'GET', '/__sim/config');
	assert.equal(config.data.latencyMs, 1);
	assert.equal(config.data.webhook.speedFactor, 0.01);
	assert.equal(config.data.merchants[0].webhookUrl, hook.url);
	cli.child.kill('SIGTERM');
	const { code } = /** @type {any} */ (await cli.exited);
	assert.equal(code, 0);
	assert.match(cli.output(), /SIGTERM: stopping simulator/);
});

test('the CLI refuses unknown options with a usage text', async () => {
	const child = spawn(process.execPath, [CLI, '--bogus', '1'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let err = '';
	child.stderr.on('data', (c) => {
		err += c;
	});
	const code = await new Promise((resolve) => child.on('exit', resolve));
	assert.equal(code, 2);
	assert.match(err, /unknown option\(s\): --bogus/);
	assert.match(err, /Usage:/);
});
