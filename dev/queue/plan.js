// @ts-check
'use strict';
/**
 * Whether both n8n versions' topologies fit in memory at once. Measured on n8n 1.123.81 (RSS after the
 * scenarios): main ~650 MB, webhook processor and workers ~250-300 MB each; so ~500 MB a process on
 * average, four per version, plus headroom for Postgres, Redis, npm and the simulators.
 */
const PER_PROCESS_BYTES = 500 * 2 ** 20;
const PROCESSES_PER_VERSION = 4;
const HEADROOM_BYTES = 2 * 2 ** 30;

/** @param {number} versionCount @param {number} freeBytes */
function canRunSideBySide(versionCount, freeBytes) {
	if (versionCount < 2) return false;
	return freeBytes >= versionCount * PROCESSES_PER_VERSION * PER_PROCESS_BYTES + HEADROOM_BYTES;
}

module.exports = { canRunSideBySide, PER_PROCESS_BYTES, PROCESSES_PER_VERSION, HEADROOM_BYTES };
