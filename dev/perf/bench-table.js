// @ts-check
'use strict';
/** The benchmark's rows as a plain-text table with a legend of its columns. */
const { table, fmtMs, fmtNum, fmtMb } = require('./common');

/** @typedef {import('./bench-core').Row} Row */

/** Items that got a usable answer, per second of the node's own run time. @param {Row} r */
function resultsPerSecond(r) {
	return r.nodeMs ? (r.ok / r.nodeMs) * 1000 : NaN;
}

const LEGEND = [
	'window = first request received by the simulator -> last response finished (n8n boot excluded)',
	'req/s = answered requests / window; good/s = code-10000 answers / window',
	"results/s = items with a usable answer / node time; node time = the node's executionTime in n8n's run data",
	'  (harness: execute() wall time)',
	'max in 1 s = most requests the simulator received in any 1 s (its limit: 100 accepted per sliding 1 s)',
	'srv p50/p99 = per request on the simulator, received -> answered (includes the added latency)',
	'cli p50/p99 = per request as n8n-core/axios saw it, sent -> body received (in-process only)',
	'limit err = answers the simulator gave as rate-limit errors (the node retries them);',
	'  limit items = output items that are rate-limit errors',
	'peak RSS = VmHWM of the process running the node (harness child / n8n execute; group = with task runner)',
	'CPU = user + system time of that process while the node ran (100 ms samples)',
];

/** The rows as a table, with the legend. @param {Row[]} rows */
function formatTable(rows) {
	const text = table(
		[
			'route',
			'where',
			'endpoint',
			'settings',
			'ok/items',
			'window',
			'req/s',
			'good/s',
			'results/s',
			'max in 1 s',
			'srv p50',
			'srv p99',
			'cli p50',
			'cli p99',
			'limit err',
			'limit items',
			'peak RSS',
			'CPU',
			'node time',
			'dup debits',
		],
		rows.map((r) => [
			r.route,
			r.where,
			r.op,
			r.settings,
			`${r.ok}/${r.items}`,
			r.windowMs === undefined ? '-' : `${(r.windowMs / 1000).toFixed(2)} s`,
			fmtNum(r.perSecond),
			fmtNum(r.goodPerSecond),
			fmtNum(resultsPerSecond(r)),
			r.maxPerSecondWindow ?? '-',
			fmtMs(r.serverP50),
			fmtMs(r.serverP99),
			fmtMs(r.clientP50),
			fmtMs(r.clientP99),
			r.limitErrors,
			r.rateLimitedItems,
			`${fmtMb(r.peakRssKb)}${r.groupPeakKb ? ` (group ${fmtMb(r.groupPeakKb)})` : ''}`,
			r.cpuMs === undefined ? '-' : `${(r.cpuMs / 1000).toFixed(1)} s`,
			r.nodeMs === undefined ? '-' : `${(r.nodeMs / 1000).toFixed(2)} s`,
			r.duplicates === undefined ? '-' : r.duplicates,
		]),
	);
	return `${text}\n\n${LEGEND.join('\n')}`;
}

module.exports = { resultsPerSecond, formatTable, LEGEND };
