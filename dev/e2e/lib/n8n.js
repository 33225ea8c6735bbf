// @ts-check
'use strict';
/**
 * One throwaway n8n instance: its user folder, environment, CLI commands, `n8n start`, owner set-up,
 * REST login, API key and public API. Works for n8n 1.123.x (Node 20) and 2.41.x (Node 24), with the
 * the per-version differences handled here (measured against both versions).
 */
const fs = require('fs');
const path = require('path');
const { run, spawnTracked, stopProcess } = require('./procs');
const { request, Session, sleep, waitFor } = require('./http');

const ENCRYPTION_KEY = 'ccpayment-e2e-encryption-key-0123456789';
const OWNER = {
	email: 'owner@ccpayment-e2e.test',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2ePassw0rd!ccpay',
};

/**
 * The run JSON in `n8n execute --rawOutput` stdout: on 2.x log lines come before it, and n8n 1.x may
 * print shutdown noise after it (e.g. "error Error: aborted"), so the pretty-printed run is taken from
 * the first line starting with "{" to the first line that is just "}".
 * @param {string} stdout
 * @returns {{ at: number, result: any }} `at` is where the JSON starts (-1 if none)
 */
function parseExecuteOutput(stdout) {
	const at = stdout.search(/^\{/m);
	if (at < 0) return { at, result: undefined };
	const json = stdout.slice(at);
	const end = /^\}\s*$/m.exec(json);
	try {
		return { at, result: JSON.parse(end ? json.slice(0, end.index + 1) : json) };
	} catch {
		return { at, result: undefined };
	}
}

/** Whether an execution from the public API has ended (n8n 1.x and 2.x report it differently). */
const finished = (/** @type {any} */ e) =>
	e.finished === true || ['success', 'error', 'crashed', 'canceled'].includes(e.status);

/** @typedef {import('./install').RuntimeInfo} RuntimeInfo */

class N8nInstance {
	/**
	 * `command` (default `start`) and `extraEnv` let queue mode run `n8n worker` / `n8n webhook` with
	 * Postgres and Redis settings through the same process control. `nodeArgs` go to Node before n8n's
	 * own (e.g. `--cpu-prof`, which Node does not take from NODE_OPTIONS).
	 * @param {{ runtime: RuntimeInfo, userFolder: string, port: number, brokerPort: number, logFile: string, label?: string, command?: string, extraEnv?: Record<string, string>, nodeArgs?: string[] }} opts
	 */
	constructor({
		runtime,
		userFolder,
		port,
		brokerPort,
		logFile,
		label,
		command,
		extraEnv,
		nodeArgs,
	}) {
		this.command = command ?? 'start';
		this.extraEnv = extraEnv ?? {};
		this.nodeArgs = nodeArgs ?? [];
		this.runtime = runtime;
		this.userFolder = userFolder;
		this.port = port;
		this.brokerPort = brokerPort;
		this.logFile = logFile;
		this.label = label ?? `n8n ${runtime.version}`;
		this.base = `http://127.0.0.1:${port}`;
		/** @type {number | undefined} */
		this.pid = undefined;
		/** @type {Promise<number | null> | undefined} */
		this.exited = undefined;
		/** @type {string[]} lines printed by `n8n start` */
		this.serverLines = [];
		/** @type {Session | undefined} */
		this.session = undefined;
		/** @type {string | undefined} */
		this.apiKey = undefined;
		fs.mkdirSync(userFolder, { recursive: true });
	}

	env() {
		const major = this.runtime.major;
		/** @type {NodeJS.ProcessEnv} */
		const env = {
			...process.env,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			DB_TYPE: 'sqlite',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
			N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
			NODE_ENV: 'production',
		};
		// Anything the caller's shell set for its own n8n must not leak into ours.
		for (const k of [
			'N8N_CONFIG_FILES',
			'WEBHOOK_URL',
			'N8N_WEBHOOK_URL',
			'N8N_CUSTOM_EXTENSIONS',
			'N8N_EDITOR_BASE_URL',
		]) {
			delete env[k];
		}
		if (this.runtime.pathPrefix)
			env.PATH = `${this.runtime.pathPrefix}${path.delimiter}${process.env.PATH ?? ''}`;
		if (major === 1) env.N8N_EXPRESSION_ENGINE = 'legacy';
		if (major === 2) env.N8N_DISABLED_MODULES = 'mcp-registry';
		Object.assign(env, this.extraEnv);
		return env;
	}

	/**
	 * Runs one n8n CLI command; everything it prints is appended to the instance log.
	 * @param {string[]} args
	 * @param {{ timeoutMs?: number, noLog?: boolean, stdoutFile?: string }} [opts]
	 */
	async cli(args, opts = {}) {
		const r = await run(
			`${this.label} ${args[0]}`,
			this.runtime.nodeExe,
			[this.runtime.n8nBin, ...args],
			{
				cwd: this.userFolder,
				env: this.env(),
				timeoutMs: opts.timeoutMs ?? 120000,
				logFile: opts.noLog ? undefined : this.logFile,
				stdoutFile: opts.stdoutFile,
			},
		);
		return r;
	}

	/**
	 * Like cli() but throws with the output when the command fails.
	 * @param {string[]} args
	 */
	async cliOk(args) {
		const r = await this.cli(args);
		if (r.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited ${r.code}${r.timedOut ? ' (timed out)' : ''}:\n${(r.stdout + r.stderr).trim().split('\n').slice(-20).join('\n')}`,
			);
		}
		return r;
	}

	/** @param {string} file a JSON file holding an array of credentials */
	importCredentials(file) {
		return this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/** @param {string} dir a folder of workflow JSON files (one workflow each) */
	importWorkflowsFromDir(dir) {
		return this.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** Activates a workflow before `n8n start` (v1: update:workflow, v2: publish:workflow). @param {string} id */
	activate(id) {
		return this.runtime.major === 1
			? this.cliOk(['update:workflow', `--id=${id}`, '--active=true'])
			: this.cliOk(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * `n8n execute --id --rawOutput`; returns the parsed run (stdout on 2.x starts with log lines).
	 * @param {string} id
	 */
	async execute(id) {
		const r = await this.cli(['execute', `--id=${id}`, '--rawOutput'], {
			timeoutMs: 300000,
			noLog: true,
			stdoutFile: path.join(path.dirname(this.logFile), `execute-${id}.out`),
		});
		const { at, result } = parseExecuteOutput(r.stdout);
		// The log gets what n8n printed around the result; the result JSON (items, which may legitimately
		// contain error items) is kept in its own file.
		const resultFile = path.join(path.dirname(this.logFile), `execute-${id}.json`);
		fs.writeFileSync(resultFile, at >= 0 ? r.stdout.slice(at) : '');
		fs.appendFileSync(
			this.logFile,
			`\n===== ${this.label} execute --id=${id} (exit ${r.code}${r.timedOut ? ', TIMED OUT' : ''}; result in ${path.basename(resultFile)}) =====\n${at >= 0 ? r.stdout.slice(0, at) : r.stdout}${r.stderr ? `\n----- stderr -----\n${r.stderr}` : ''}\n`,
		);
		// The verdict is the run's own status: n8n's exit code is a process-level figure (it stays in the
		// details and the log), and a run's status cannot be mistaken for a slow or noisy shutdown.
		const status = result?.status ?? (result?.finished ? 'success' : undefined);
		return { code: r.code, status, result, stdout: r.stdout, stderr: r.stderr, ms: r.ms };
	}

	/**
	 * Starts `n8n start` and waits until `ready()` says it is serving what the caller needs. A printed
	 * line matching `failOn` (e.g. a failed workflow activation) ends the wait at once.
	 * @param {{ ready?: () => Promise<boolean>, timeoutMs?: number, failOn?: RegExp }} [opts]
	 */
	async start(opts = {}) {
		const started = Date.now();
		fs.appendFileSync(
			this.logFile,
			`\n===== ${this.label} ${this.command} (port ${this.port}, broker ${this.brokerPort}) =====\n`,
		);
		const { pid, exited } = spawnTracked(
			`${this.label} ${this.command}`,
			this.runtime.nodeExe,
			[...this.nodeArgs, this.runtime.n8nBin, ...this.command.split(' ')],
			{
				cwd: this.userFolder,
				env: this.env(),
				logFile: this.logFile,
				onLine: (line) => this.serverLines.push(line),
			},
		);
		this.pid = pid;
		this.exited = exited;
		let dead = false;
		/** @type {string | undefined} */
		let failed;
		void exited.then(() => {
			dead = true;
		});
		const ready =
			opts.ready ??
			// /healthz/readiness and even /rest/settings answer before all REST controllers are mounted;
			// GET /rest/login (the auth controller: 401 when not logged in) is 404 until they are.
			(async () => {
				const { status } = await request('GET', `${this.base}/rest/login`, { timeoutMs: 2000 });
				return status === 401 || status === 200;
			});
		await waitFor(
			async () => {
				if (dead) throw new Error(`n8n exited early:\n${this.serverLines.slice(-20).join('\n')}`);
				const bad = opts.failOn ? this.serverLines.find((l) => opts.failOn?.test(l)) : undefined;
				if (bad) failed = bad;
				if (failed) return true;
				return ready();
			},
			{ timeoutMs: opts.timeoutMs ?? 90000, intervalMs: 200, what: `${this.label} to be ready` },
		).catch((e) => {
			if (dead)
				throw new Error(
					`${this.label} exited before it was ready:\n${this.serverLines.slice(-30).join('\n')}`,
				);
			throw e;
		});
		if (failed) throw new Error(`${this.label} reported: ${failed}`);
		return Date.now() - started;
	}

	async stop() {
		if (this.pid === undefined) return 0;
		const started = Date.now();
		await stopProcess(this.pid, 15000);
		this.pid = undefined;
		return Date.now() - started;
	}

	/** Creates the owner account (first run) and logs in; the session keeps the auth cookie. */
	async setupOwner() {
		await waitFor(
			async () => {
				const { status } = await request('GET', `${this.base}/rest/login`, { timeoutMs: 2000 });
				return status === 401 || status === 200;
			},
			{ timeoutMs: 60000, intervalMs: 200, what: `${this.label} REST API` },
		);
		const s = new Session(this.base);
		const res = await s.call('POST', '/rest/owner/setup', OWNER);
		if (res.status !== 200) {
			// Already set up (e.g. the demo restarted): log in instead.
			const login = await s.call('POST', '/rest/login', {
				emailOrLdapLoginId: OWNER.email,
				password: OWNER.password,
			});
			if (login.status !== 200) {
				throw new Error(
					`owner setup failed (${res.status} ${res.text.slice(0, 300)}) and login failed (${login.status} ${login.text.slice(0, 300)})`,
				);
			}
		}
		this.session = s;
		return OWNER;
	}

	/** Creates a public-API key for the logged-in owner. */
	async createApiKey() {
		if (!this.session) throw new Error('setupOwner first');
		const scopesRes = await this.session.call('GET', '/rest/api-keys/scopes');
		const available = Array.isArray(scopesRes.json?.data) ? scopesRes.json.data : [];
		const want = [
			'workflow:read',
			'workflow:list',
			'execution:read',
			'execution:list',
			'workflow:activate',
			'workflow:deactivate',
		];
		const scopes = available.length ? want.filter((s) => available.includes(s)) : want;
		const res = await this.session.call('POST', '/rest/api-keys', {
			label: 'ccpayment-e2e',
			expiresAt: null,
			scopes,
		});
		const key = res.json?.data?.rawApiKey;
		if (res.status !== 200 || !key)
			throw new Error(`API key creation failed: ${res.status} ${res.text.slice(0, 300)}`);
		this.apiKey = key;
		return key;
	}

	/**
	 * n8n's own credential test (what the editor's "Test" button calls): POST /rest/credentials/test
	 * with { credentials: { id, name, type, data } }; stored secrets are merged in for redacted values.
	 * @param {{ id: string, name: string, type: string, data?: Record<string, unknown> }} credentials
	 * @returns {Promise<{ status: string, message: string, http: number }>}
	 */
	async testCredential(credentials) {
		if (!this.session) throw new Error('setupOwner first');
		const res = await this.session.call('POST', '/rest/credentials/test', { credentials });
		const d = res.json?.data ?? {};
		return { status: d.status, message: d.message, http: res.status };
	}

	/** Public API: one workflow (with its static data). @param {string} id */
	async workflow(id) {
		if (!this.apiKey) throw new Error('createApiKey first');
		const res = await request('GET', `${this.base}/api/v1/workflows/${encodeURIComponent(id)}`, {
			headers: { 'X-N8N-API-KEY': this.apiKey },
		});
		if (res.status !== 200)
			throw new Error(`GET /api/v1/workflows/${id}: ${res.status} ${res.text.slice(0, 300)}`);
		return res.json;
	}

	/**
	 * Public API: all executions of a workflow (newest first), with data.
	 * @param {string} workflowId
	 * @returns {Promise<any[]>}
	 */
	async executions(workflowId) {
		if (!this.apiKey) throw new Error('createApiKey first');
		/** @type {any[]} */
		const all = [];
		let cursor = '';
		for (let page = 0; page < 20; page++) {
			const q = `workflowId=${encodeURIComponent(workflowId)}&includeData=true&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
			const res = await request('GET', `${this.base}/api/v1/executions?${q}`, {
				headers: { 'X-N8N-API-KEY': this.apiKey },
			});
			if (res.status !== 200)
				throw new Error(`GET /api/v1/executions: ${res.status} ${res.text.slice(0, 300)}`);
			all.push(...(res.json?.data ?? []));
			cursor = res.json?.nextCursor ?? '';
			if (!cursor) break;
		}
		return all;
	}

	/**
	 * Executions of a workflow once there are at least `atLeast`, none is still running (a run is listed
	 * before its data is saved, so a running one has no node output yet) and the count has stopped
	 * growing, so an unexpected extra run is counted too. Returns what is there when time runs out.
	 * @param {string} workflowId @param {number} [atLeast]
	 * @param {{ timeoutMs?: number, stableMs?: number }} [opts]
	 * @returns {Promise<any[]>}
	 */
	async settledExecutions(workflowId, atLeast = 0, { timeoutMs = 30000, stableMs = 1000 } = {}) {
		await waitFor(
			async () => {
				const list = await this.executions(workflowId);
				return list.length >= atLeast && list.every(finished);
			},
			{ timeoutMs, intervalMs: 300, what: `${atLeast} finished executions of ${workflowId}` },
		).catch(() => {});
		let last = -1;
		let list = await this.executions(workflowId);
		for (let i = 0; i < 20 && (list.length !== last || !list.every(finished)); i++) {
			last = list.length;
			await sleep(stableMs);
			list = await this.executions(workflowId);
		}
		return list;
	}
}

module.exports = { N8nInstance, OWNER, ENCRYPTION_KEY, parseExecuteOutput };
