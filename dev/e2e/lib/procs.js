// @ts-check
'use strict';
/**
 * Child-process bookkeeping for the e2e suite and the demo.
 *
 * Every child is spawned detached (its own process group) and remembered by PID, so that on success,
 * failure, Ctrl-C or SIGTERM we can stop exactly the processes we started (and their children, such as
 * n8n 2.x's task runner) by signalling their process group, never by name.
 */
const { spawn } = require('child_process');
const fs = require('fs');

/** @typedef {{ name: string, child: import('child_process').ChildProcess, exited: Promise<number | null> }} Tracked */

/** @type {Map<number, Tracked>} */
const tracked = new Map();

/**
 * Spawns a tracked, detached child.
 * @param {string} name label used in messages
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('child_process').SpawnOptions & { logFile?: string, onLine?: (line: string) => void }} [opts]
 */
function spawnTracked(name, cmd, args, opts = {}) {
	const { logFile, onLine, ...spawnOpts } = opts;
	const child = spawn(cmd, args, {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
		...spawnOpts,
	});
	if (child.pid === undefined) {
		throw new Error(`could not start ${name} (${cmd})`);
	}
	const pid = child.pid;
	/** @type {fs.WriteStream | undefined} */
	const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
	let partial = '';
	/** @param {Buffer} chunk */
	const onData = (chunk) => {
		if (log) log.write(chunk);
		if (onLine) {
			partial += chunk.toString('utf8');
			const lines = partial.split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) onLine(line);
		}
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	const exited = new Promise((resolve) => {
		child.on('error', () => resolve(-1));
		child.on('close', (code, signal) => {
			if (onLine && partial) onLine(partial);
			if (log) log.end();
			tracked.delete(pid);
			resolve(code ?? (signal ? 128 : null));
		});
	});
	tracked.set(pid, { name, child, exited: /** @type {Promise<number|null>} */ (exited) });
	return { pid, child, exited: /** @type {Promise<number|null>} */ (exited) };
}

/** @param {number} pid @param {NodeJS.Signals} signal */
function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		try {
			process.kill(pid, signal);
			return true;
		} catch {
			return false;
		}
	}
}

/**
 * Stops one tracked child: SIGTERM to its process group, SIGKILL after `graceMs`.
 * @param {number} pid
 * @param {number} [graceMs]
 */
async function stopProcess(pid, graceMs = 10000) {
	const entry = tracked.get(pid);
	if (!entry) return null;
	signalGroup(pid, 'SIGTERM');
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	const timeout = new Promise((resolve) => {
		timer = setTimeout(() => resolve('timeout'), graceMs);
	});
	const result = await Promise.race([entry.exited, timeout]);
	if (timer) clearTimeout(timer);
	if (result === 'timeout') {
		signalGroup(pid, 'SIGKILL');
		await entry.exited;
	}
	// Whatever the leader did, make sure nothing of its group survives (e.g. a task-runner child).
	signalGroup(pid, 'SIGKILL');
	return result === 'timeout' ? 'killed' : result;
}

/** Stops every child still running (in parallel). */
async function stopAll(graceMs = 10000) {
	await Promise.all([...tracked.keys()].map((pid) => stopProcess(pid, graceMs)));
}

/** Synchronous last resort for `exit` handlers: SIGKILL every remaining group. */
function killAllSync() {
	for (const pid of tracked.keys()) signalGroup(pid, 'SIGKILL');
}

/**
 * Runs a command to completion (tracked while it runs), collecting stdout/stderr.
 * @param {string} name
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('child_process').SpawnOptions & { timeoutMs?: number, logFile?: string, stdoutFile?: string }} [opts]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string, ms: number, timedOut: boolean }>}
 */
async function run(name, cmd, args, opts = {}) {
	const { timeoutMs = 10 * 60 * 1000, logFile, stdoutFile, ...spawnOpts } = opts;
	const started = Date.now();
	// A file, not a pipe, when asked: a process that exits right after printing (n8n execute) loses
	// what is still queued for a pipe the reader has not drained yet on a busy machine.
	const fd = stdoutFile ? fs.openSync(stdoutFile, 'w') : undefined;
	const { pid, child, exited } = (() => {
		try {
			return spawnTracked(
				name,
				cmd,
				args,
				fd === undefined ? spawnOpts : { ...spawnOpts, stdio: ['ignore', fd, 'pipe'] },
			);
		} finally {
			if (fd !== undefined) fs.closeSync(fd);
		}
	})();
	/** @type {Buffer[]} */
	const out = [];
	/** @type {Buffer[]} */
	const err = [];
	child.stdout?.on('data', (c) => out.push(c));
	child.stderr?.on('data', (c) => err.push(c));
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void stopProcess(pid, 3000);
	}, timeoutMs);
	const code = await exited;
	clearTimeout(timer);
	const stdout = stdoutFile
		? fs.readFileSync(stdoutFile, 'utf8')
		: Buffer.concat(out).toString('utf8');
	const stderr = Buffer.concat(err).toString('utf8');
	if (logFile) {
		fs.appendFileSync(
			logFile,
			`\n===== ${name}: ${cmd} ${args.join(' ')} (exit ${code}${timedOut ? ', TIMED OUT' : ''}, ${((Date.now() - started) / 1000).toFixed(1)} s) =====\n${stdout}${stderr ? `\n----- stderr -----\n${stderr}` : ''}\n`,
		);
	}
	return { code, stdout, stderr, ms: Date.now() - started, timedOut };
}

let handlersInstalled = false;
let stopping = false;
/** True once a signal or crash started stopping everything. */
function shuttingDown() {
	return stopping;
}
/**
 * Makes Ctrl-C / SIGTERM / crashes stop every child and run `cleanup` (sync, e.g. deleting temp dirs).
 * @param {() => Promise<void> | void} cleanup
 */
function installExitHandlers(cleanup) {
	if (handlersInstalled) return;
	handlersInstalled = true;
	/** @param {string} why @param {number} code */
	const bail = async (why, code) => {
		if (stopping) {
			killAllSync();
			process.exit(code);
		}
		stopping = true;
		process.stderr.write(`\n${why}: stopping ${tracked.size} process(es)...\n`);
		try {
			await stopAll(5000);
			await cleanup();
		} finally {
			process.exit(code);
		}
	};
	process.on('SIGINT', () => void bail('SIGINT', 130));
	process.on('SIGTERM', () => void bail('SIGTERM', 143));
	process.on('SIGHUP', () => void bail('SIGHUP', 129));
	process.on('uncaughtException', (e) => {
		process.stderr.write(`uncaught exception: ${e && e.stack ? e.stack : e}\n`);
		void bail('uncaught exception', 1);
	});
	process.on('unhandledRejection', (e) => {
		process.stderr.write(
			`unhandled rejection: ${e && /** @type {Error} */ (e).stack ? /** @type {Error} */ (e).stack : e}\n`,
		);
		void bail('unhandled rejection', 1);
	});
	process.on('exit', () => killAllSync());
}

/**
 * One cleanup for a script, run once whether the script ends normally (call `run()`) or on
 * Ctrl-C / SIGTERM / a crash: every tracked process is stopped by PID, then the registered steps
 * run, newest first. A failing step does not stop the others.
 * @returns {{ add: (step: () => unknown) => void, run: () => Promise<void> }}
 */
function cleanupOnExit() {
	/** @type {Array<() => unknown>} */
	const steps = [];
	/** @type {Promise<void> | undefined} */
	let running;
	const run = () => {
		running ??= (async () => {
			await stopAll(10000);
			for (const step of steps.slice().reverse())
				await Promise.resolve()
					.then(step)
					.catch(() => {});
		})();
		return running;
	};
	installExitHandlers(run);
	return { add: (step) => void steps.push(step), run };
}

function runningCount() {
	return tracked.size;
}

module.exports = {
	spawnTracked,
	stopProcess,
	stopAll,
	killAllSync,
	run,
	installExitHandlers,
	cleanupOnExit,
	runningCount,
	shuttingDown,
};
