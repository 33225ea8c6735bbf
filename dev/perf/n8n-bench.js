// @ts-check
'use strict';
/**
 * Real n8n for the benchmark and the campaign, built from the e2e suite's libraries
 * (dev/e2e/lib: cached installs, pack + community-installer-style install, N8nInstance, PID-tracked
 * processes): a throwaway user folder with this package installed, the suite's credential pointing
 * at an in-process simulator, and workflows run with `n8n execute --id --rawOutput` while the n8n
 * process's memory is sampled from /proc.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const procs = require('../e2e/lib/procs');
const { ensureN8n, cacheDir } = require('../e2e/lib/install');
const { packPackage, installIntoUserFolder } = require('../e2e/lib/pkg');
const { N8nInstance, parseExecuteOutput } = require('../e2e/lib/n8n');
const { freePort } = require('../e2e/lib/http');
const fixtures = require('../e2e/fixtures');
const { sampleRss } = require('./common');
const { MEASURED_NODE } = require('./workloads');

/** The e2e instance plus what the HTTP Request route needs: `require('crypto')` in Code nodes. */
class BenchN8n extends N8nInstance {
	env() {
		return { ...super.env(), NODE_FUNCTION_ALLOW_BUILTIN: 'crypto' };
	}
}

/**
 * True when the cached install of that n8n version is complete (no download needed).
 * @param {1 | 2} major
 */
function installed(major) {
	const dirs = major === 1 ? ['n8n-v1'] : ['node24', 'n8n-v2'];
	return dirs.every((d) =>
		fs.existsSync(path.join(cacheDir(), d, '.ccpayment-e2e-installed.json')),
	);
}

/**
 * A tracked child whose stdout goes to `outFile` (stderr to the log). Not a pipe: `n8n execute`
 * exits right after printing its result, and what is still queued for a pipe the reader has not
 * drained (a busy machine) is lost; n8n 2.x then printed a cut-off result and exit code 0.
 * @param {string} label @param {string} cmd @param {string[]} args @param {string} outFile
 * @param {import('node:child_process').SpawnOptions & { logFile?: string }} opts
 */
function spawnToFile(label, cmd, args, opts, outFile) {
	const fd = fs.openSync(outFile, 'w');
	try {
		return procs.spawnTracked(label, cmd, args, { ...opts, stdio: ['ignore', fd, 'pipe'] });
	} finally {
		fs.closeSync(fd);
	}
}

/**
 * @typedef {{ code: number | null, timedOut: boolean, totalMs: number, outputChars: number, result: any, node?: { startTime?: number, executionTime?: number, items: any[] }, execution?: { startedAt?: string, stoppedAt?: string }, rss: { hwmKb: number, groupPeakKb: number, groupSize: number, cpuMs: number, cpuBetween: (from: number | undefined, to: number | undefined) => number | undefined }, tail: string }} Execution
 */

/**
 * One n8n version, ready to run workflows against `sim`.
 * @param {{ major: 1 | 2, sim: { url: string, merchant: { appId: string, appSecret: string } }, log: (m: string) => void, keep?: boolean }} o
 */
async function prepare(o) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `ccpayment-bench-n8n${o.major}-`));
	const installs = await ensureN8n({ versions: [o.major], log: o.log });
	const runtime = o.major === 1 ? installs.v1 : installs.v2;
	const pack = await packPackage(path.join(tmp, 'pack'), path.join(tmp, 'npm-cache'));
	const userFolder = path.join(tmp, 'user');
	await installIntoUserFolder(userFolder, pack, path.join(tmp, 'npm-cache'));
	const logFile = path.join(tmp, 'n8n.log');
	fs.writeFileSync(logFile, '');
	const n8n = new BenchN8n({
		runtime,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		logFile,
		label: `n8n ${runtime.version}`,
	});
	// The e2e credential (same IDs and shape); its workflows go to a folder we do not import.
	const files = fixtures.write(tmp, { simUrl: o.sim.url, merchant: o.sim.merchant });
	await n8n.importCredentials(files.credentials);
	const credentials = {
		[fixtures.CREDENTIAL_TYPE]: { id: fixtures.CREDENTIAL_ID, name: fixtures.CREDENTIAL_NAME },
	};
	const httpVersion = defaultHttpRequestVersion(runtime.n8nBin);

	return {
		n8n,
		runtime,
		tmp,
		credentials,
		type: fixtures.ACTION_TYPE,
		httpVersion,
		/** @param {any[]} workflows */
		async importWorkflows(workflows) {
			const dir = fs.mkdtempSync(path.join(tmp, 'workflows-'));
			workflows.forEach((w, i) => fs.writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(w)));
			await n8n.importWorkflowsFromDir(dir);
		},
		/**
		 * `n8n execute --id --rawOutput` (stdout to a file, see spawnToFile), sampling its memory.
		 * @param {string} id
		 * @param {number} [timeoutMs]
		 * @returns {Promise<Execution>}
		 */
		async execute(id, timeoutMs = 15 * 60 * 1000) {
			const started = Date.now();
			const outFile = path.join(tmp, `execute-${id}.out`);
			const { pid, exited } = spawnToFile(
				`${n8n.label} execute`,
				runtime.nodeExe,
				[runtime.n8nBin, 'execute', `--id=${id}`, '--rawOutput'],
				{ cwd: userFolder, env: n8n.env(), logFile },
				outFile,
			);
			const sampler = sampleRss(pid, 100);
			let timedOut = false;
			const timer = setTimeout(() => {
				timedOut = true;
				void procs.stopProcess(pid, 3000);
			}, timeoutMs);
			const code = await exited;
			clearTimeout(timer);
			const rss = sampler.stop();
			const stdout = fs.readFileSync(outFile, 'utf8');
			if (!o.keep) fs.rmSync(outFile, { force: true });
			const { at, result } = parseExecuteOutput(stdout);
			const run = result?.data?.resultData?.runData?.[MEASURED_NODE]?.[0];
			return {
				code,
				timedOut,
				totalMs: Date.now() - started,
				outputChars: stdout.length,
				result,
				node: run
					? {
							startTime: run.startTime,
							executionTime: run.executionTime,
							items: (run.data?.main?.[0] ?? []).map((/** @type {any} */ it) => it.json),
						}
					: undefined,
				execution: result
					? { startedAt: result.startedAt, stoppedAt: result.stoppedAt }
					: undefined,
				rss,
				tail: (at >= 0 ? stdout.slice(0, at) : stdout)
					.split('\n')
					.filter((l) => l.trim())
					.slice(-15)
					.join('\n'),
			};
		},
		async cleanup() {
			await n8n.stop();
			if (o.keep) o.log(`kept ${tmp}`);
			else fs.rmSync(tmp, { recursive: true, force: true });
		},
	};
}

/**
 * The HTTP Request node version a user gets when adding the node today (its defaultVersion).
 * @param {string} n8nBin
 */
function defaultHttpRequestVersion(n8nBin) {
	try {
		const file = path.join(
			path.dirname(n8nBin),
			'..',
			'..',
			'n8n-nodes-base',
			'dist',
			'nodes',
			'HttpRequest',
			'HttpRequest.node.js',
		);
		const match = /defaultVersion:\s*([\d.]+)/.exec(fs.readFileSync(file, 'utf8'));
		if (match) return Number(match[1]);
	} catch {
		// fall through
	}
	return 4.2;
}

module.exports = { prepare, installed, spawnToFile, BenchN8n };
