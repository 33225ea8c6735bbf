// @ts-check
'use strict';

// The CLI's v2 parts: the v2 merchant in the banner, --v2-webhook-url and --fast-retries.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { spawn } = require('child_process');
const { okV2, control } = require('../../helpers/simulator');
const { V2_MERCHANT } = require('../../../simulator');

const CLI = path.join(__dirname, '..', '..', '..', 'simulator', 'cli.js');

test('the banner prints the v2 App ID and secret; v2 calls work; fast retries', async (t) => {
	const child = spawn(
		process.execPath,
		[CLI, '--port', '0', '--fast-retries', '--v2-webhook-url', 'http://127.0.0.1:9/hook'],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	t.after(() => child.kill('SIGKILL'));
	let out = '';
	const banner = await new Promise((resolve, reject) => {
		child.stdout.on('data', (chunk) => {
			out += chunk;
			if (out.includes('Press Ctrl+C')) resolve(out);
		});
		child.on('exit', (code) => reject(new Error(`CLI exited early (${code})`)));
	});
	assert.match(banner, new RegExp(`v2 App ID:\\s+${V2_MERCHANT.appId}`));
	assert.match(banner, new RegExp(`v2 App Secret:\\s+${V2_MERCHANT.appSecret}`));
	assert.match(banner, /v2 Webhook:\s+http:\/\/127\.0\.0\.1:9\/hook/);
	const url = /Base URL:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
	assert.ok(url);
	const sim = { url: url[1], v2Merchant: V2_MERCHANT };
	const { coins } = await okV2(sim, 'getCoinList');
	assert.ok(coins.length > 0);
	const config = await control(sim, 'GET', '/__sim/config');
	assert.equal(config.data.webhook.speedFactor, 0.001);
});
