// @ts-check
'use strict';
/**
 * One-command demo: real n8n with this package installed (exactly like n8n's community installer),
 * the CCPayment simulator beside it, a credential pointing at the simulator and the example workflows
 * from examples/ imported (the webhook one active). Ctrl-C stops everything and deletes the temp folder.
 *
 *   node scripts/demo.js [--n8n 1|2] [--port 5678] [--sim-port 8765] [--no-build] [--queue]
 *
 * --queue starts n8n's queue mode instead (Redis, Postgres, main + 2 workers + a webhook processor, as
 * the queue-mode suite tests it; Redis and Postgres are installed from Debian when missing).
 *
 * n8n 1.123.81 runs on this machine's Node (20+); `--n8n 2` runs 2.41.1 on Node 24 (installed for you).
 * The n8n installs are cached in $CCPAYMENT_E2E_CACHE (default ~/.cache/ccpayment-e2e), shared with
 * the e2e suite; the first run downloads them (a few minutes).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');
const { spawnSync } = require('child_process');

const procs = require('../dev/e2e/lib/procs');
const { ensureN8n } = require('../dev/e2e/lib/install');
const { packPackage, installIntoUserFolder, ROOT } = require('../dev/e2e/lib/pkg');
const { N8nInstance } = require('../dev/e2e/lib/n8n');
const { freePort, request } = require('../dev/e2e/lib/http');
const { credential: v2Credential } = require('../dev/e2e/scenarios/v2-core');
const sim = require('../dev/e2e/lib/sim');
const { startQueueDemo } = require('../dev/queue/demo');

const { values: args } = parseArgs({
	options: {
		n8n: { type: 'string' },
		port: { type: 'string' },
		'sim-port': { type: 'string' },
		'no-build': { type: 'boolean' },
		queue: { type: 'boolean' },
	},
});
const major = args.n8n === '2' ? 2 : 1;
const wantPort = Number(args.port ?? 5678);
const simPort = Number(args['sim-port'] ?? 8765);

const CREDENTIAL = { id: 'ccpDemoCred00001', name: 'CCPayment account', type: 'ccPaymentApi' };
const WEBHOOK_WORKFLOW_ID = 'ccpExampleDepos1';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccpayment-demo-'));
/** @type {{ stop: () => Promise<void> } | undefined} */
let simulator;
// Stops everything once; every caller (signal handler, main) waits for the same cleanup.
const cleanup = procs.cleanupOnExit();
cleanup.add(() => {
	if (procs.shuttingDown())
		process.stdout.write('Demo stopped; n8n, the simulator and the temp folder are gone.\n');
});
cleanup.add(() => fs.rmSync(tmp, { recursive: true, force: true }));
cleanup.add(() => simulator?.stop());

/** @param {string} msg */
const say = (msg) => process.stdout.write(`${msg}\n`);

/** @param {number} port */
async function portFree(port) {
	return request('GET', `http://127.0.0.1:${port}/`, { timeoutMs: 1000 }).then(
		() => false,
		(e) => /ECONNREFUSED/.test(String(e && e.message)),
	);
}

/**
 * The webhook path of the example trigger (its fixed webhookId), from the example file itself.
 * @param {string} file
 */
function triggerWebhookId(file) {
	const wf = JSON.parse(fs.readFileSync(file, 'utf8'));
	const node = wf.nodes.find((/** @type {any} */ n) =>
		String(n.type).endsWith('.ccPaymentTrigger'),
	);
	return node?.webhookId;
}

async function main() {
	const started = Date.now();
	if (!args['no-build']) {
		say('Building the package (npm run build) ...');
		const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (b.status !== 0) throw new Error('npm run build failed');
	}

	if (args.queue) {
		const topo = await startQueueDemo({
			major,
			tmp,
			simPort,
			say,
			onSimulator: (x) => {
				simulator = x;
			},
		});
		// Keep running until Ctrl-C; if main dies, stop the demo.
		const code = await topo.main.exited;
		if (procs.shuttingDown()) return;
		say(`n8n main exited (code ${code}); stopping the demo.`);
		await cleanup.run();
		process.exit(1);
	}

	say(
		`Preparing n8n ${major === 1 ? '1.123.81 (this Node)' : '2.41.1 (Node 24)'}; the first run installs it into the cache, later runs reuse it ...`,
	);
	const installs = await ensureN8n({ versions: [major], log: (m) => say(`  ${m}`) });
	const runtime = major === 1 ? installs.v1 : installs.v2;

	const npmCache = path.join(tmp, 'npm-cache');
	const pack = await packPackage(path.join(tmp, 'pack'), npmCache);
	const userFolder = path.join(tmp, 'n8n');
	await installIntoUserFolder(userFolder, pack, npmCache);
	say(`Installed ${pack.name}@${pack.version} into n8n's community nodes folder.`);

	const port = (await portFree(wantPort)) ? wantPort : await freePort();
	let brokerPort = port + 1;
	if (!(await portFree(brokerPort))) brokerPort = await freePort();
	const n8n = new N8nInstance({
		runtime,
		userFolder,
		port,
		brokerPort,
		logFile: path.join(tmp, 'n8n.log'),
		label: `n8n ${runtime.version}`,
	});

	const examplesDir = path.join(ROOT, 'examples');
	const exampleFiles = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
	const hookId = triggerWebhookId(
		path.join(examplesDir, 'deposit-address-and-reconciliation.json'),
	);
	const webhookUrl = `${n8n.base}/webhook/${hookId}/webhook`;

	const simOptions = { webhook: { speedFactor: 1 }, withdrawalAutoComplete: 'internal' };
	simulator = await sim.start({ ...simOptions, port: simPort }).catch(async (e) => {
		if (!/EADDRINUSE/.test(String(e && e.message))) throw e;
		say(`  port ${simPort} is taken; the simulator uses a free port instead`);
		return sim.start({ ...simOptions, port: 0 });
	});
	const s = /** @type {import('../dev/e2e/lib/sim').Sim} */ (simulator);
	await sim.setDashboardWebhookUrl(s, webhookUrl);

	const credFile = path.join(tmp, 'credentials.json');
	fs.writeFileSync(
		credFile,
		JSON.stringify([
			{
				...CREDENTIAL,
				data: {
					appId: s.merchant.appId,
					appSecret: s.merchant.appSecret,
					baseUrl: s.url,
					responseTimestampTolerance: 300,
				},
			},
			// New nodes default to the v2 API: a v2 credential beside the v1 one the examples use.
			v2Credential({ url: s.url, v2Merchant: s.v2Merchant }),
		]),
	);
	const wfDir = path.join(tmp, 'workflows');
	fs.mkdirSync(wfDir);
	for (const f of exampleFiles) fs.copyFileSync(path.join(examplesDir, f), path.join(wfDir, f));
	say('Importing the credential and the example workflows ...');
	await n8n.importCredentials(credFile);
	await n8n.importWorkflowsFromDir(wfDir);
	await n8n.activate(WEBHOOK_WORKFLOW_ID);

	say(`Starting n8n on ${n8n.base} ...`);
	await n8n.start({ timeoutMs: 120000 });
	const owner = await n8n.setupOwner();

	// One order ready to be paid, so the webhook flow can be tried without running anything first.
	const orderId = `demo-order-${Date.now()}`;
	const order = await sim.api(s, 'concise/url/get', {
		merchant_order_id: orderId,
		product_price: '19.99',
		product_name: 'Demo order',
	});

	const line = '-'.repeat(78);
	say(`\n${line}`);
	say(`CCPayment demo is running (ready in ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
	say(`  n8n editor     ${n8n.base}`);
	say(`  login          ${owner.email} / ${owner.password}`);
	say(`  credentials    "${CREDENTIAL.name}" (v1) -> the simulator (App ID ${s.merchant.appId})`);
	say(
		`                 "${v2Credential({ url: s.url, v2Merchant: s.v2Merchant }).name}" (v2) -> the simulator (App ID ${s.v2Merchant.appId})`,
	);
	say('  workflows      CCPayment example: hosted checkout');
	say('                 CCPayment example: payout with balance check');
	say('                 CCPayment example: deposit address + webhook reconciliation (active)');
	say(`  webhook URL    ${webhookUrl}`);
	say(`                 (set as the simulator's dashboard Webhook URL)\n`);
	say(`  simulator      ${s.url}  (API, App Secret ${s.merchant.appSecret})`);
	say(`  control page   ${s.url}/__sim/  (orders, balances, deliveries, buttons)`);
	say(`\nPay an order (the active workflow reconciles it; see Executions in n8n):`);
	say(`  open           ${order.payment_url}`);
	say(
		`  or             curl -s -X POST ${s.url}/__sim/orders/pay -d '{"merchant_order_id":"${orderId}"}'`,
	);
	say(`  partial        add "mode":"partial" (the workflow flags it as underpaid)`);
	say(`  deposit        run "Get deposit address" in the third example, then`);
	say(
		`                 curl -s -X POST ${s.url}/__sim/addresses/deposit -d '{"user_id":"customer-42","chain":"TRX","amount":"100"}'`,
	);
	say(`\nn8n's output: ${path.join(tmp, 'n8n.log')}`);
	say(`Press Ctrl-C to stop everything.\n${line}`);

	// Keep running until Ctrl-C; if n8n dies, stop the demo.
	const code = await n8n.exited;
	if (procs.shuttingDown()) return; // Ctrl-C: the signal handler is already stopping everything.
	say(`n8n exited (code ${code}); stopping the demo.`);
	await cleanup.run();
	process.exit(1);
}

main().catch(async (e) => {
	process.stderr.write(`demo failed: ${e && e.stack ? e.stack : e}\n`);
	await cleanup.run();
	process.exit(1);
});
