// @ts-check
'use strict';

/**
 * Request-body validation from a per-endpoint field list. v2 bodies are decoded like protobuf
 * JSON: integer fields take a JSON number or a numeric string (CCPayment's own samples send
 * "1280"), "" and 0 on optional fields mean "not given", and every problem is an 11000 whose
 * message starts with the field's name.
 */

const dec = require('../shared/decimal');
const { invalid } = require('./errors');

/**
 * @typedef {object} FieldSpec
 * @property {string} name
 * @property {'string'|'int'|'bool'|'decimal'|'url'|'email'|'strings'|'ints'|'objects'} type
 * @property {boolean} [required]
 * @property {number} [min]        int: smallest value; string: fewest characters
 * @property {number} [max]        int: largest value; string: most characters
 * @property {number} [maxItems]   arrays
 * @property {number} [minItems]   arrays
 * @property {string[]} [values]   allowed strings
 * @property {FieldSpec[]} [items] objects: the fields of each element
 * @property {boolean} [allowZero]  int: 0 is a value, not "not given"
 */

const URL_MAX = 150;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** @param {unknown} v */
function isMissing(v) {
	return v === undefined || v === null || v === '' || v === 0;
}

/**
 * @param {string} name
 * @param {unknown} v
 * @returns {number}
 */
function toInt(name, v) {
	if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
	if (typeof v === 'string' && /^-?\d{1,16}$/.test(v.trim())) return Number(v.trim());
	throw invalid(`${name} must be an integer (a number or a numeric string)`);
}

/**
 * @param {string} name
 * @param {unknown} v
 * @param {FieldSpec} spec
 * @param {boolean} rejectUnknown
 */
function readOne(name, v, spec, rejectUnknown) {
	switch (spec.type) {
		case 'int': {
			const n = toInt(name, v);
			if (spec.min !== undefined && n < spec.min) throw invalid(`${name} must be >= ${spec.min}`);
			if (spec.max !== undefined && n > spec.max) throw invalid(`${name} must be <= ${spec.max}`);
			return n;
		}
		case 'bool':
			if (typeof v !== 'boolean') throw invalid(`${name} must be true or false`);
			return v;
		case 'decimal':
			if (typeof v !== 'string') throw invalid(`${name} must be a decimal string such as "12.5"`);
			if (!dec.isDecimalString(v)) throw invalid(`${name} must be a plain decimal string`);
			if (!dec.isPositive(v)) throw invalid(`${name} must be greater than 0`);
			return dec.normalize(v);
		case 'strings':
		case 'ints':
		case 'objects': {
			if (!Array.isArray(v)) throw invalid(`${name} must be an array`);
			if (spec.maxItems !== undefined && v.length > spec.maxItems)
				throw invalid(`${name} allows at most ${spec.maxItems} items`);
			if (spec.minItems !== undefined && v.length < spec.minItems)
				throw invalid(`${name} needs at least ${spec.minItems} item(s)`);
			if (spec.type === 'ints') return v.map((x, i) => toInt(`${name}[${i}]`, x));
			if (spec.type === 'objects')
				return v.map((x, i) => readFields(x, spec.items || [], `${name}[${i}].`, rejectUnknown));
			return v.map((x, i) => {
				if (typeof x !== 'string' || !x) throw invalid(`${name}[${i}] must be a non-empty string`);
				return x;
			});
		}
		default: {
			if (typeof v !== 'string') throw invalid(`${name} must be a string`);
			const length = [...v].length;
			const max = spec.max ?? (spec.type === 'url' ? URL_MAX : undefined);
			if (spec.min !== undefined && length < spec.min)
				throw invalid(`${name} must be ${spec.min}-${max ?? 'any'} characters long`);
			if (max !== undefined && length > max)
				throw invalid(`${name} must be at most ${max} characters long`);
			if (spec.values && !spec.values.includes(v))
				throw invalid(`${name} must be one of ${spec.values.join(', ')}`);
			if (spec.type === 'email' && !EMAIL.test(v))
				throw invalid(`${name} must be an email address`);
			if (spec.type === 'url') {
				let url;
				try {
					url = new URL(v);
				} catch {
					throw invalid(`${name} must be an http(s) URL`);
				}
				if (url.protocol !== 'http:' && url.protocol !== 'https:')
					throw invalid(`${name} must be an http(s) URL`);
			}
			return v;
		}
	}
}

/**
 * Read and check a body against its field list.
 * @param {unknown} body
 * @param {FieldSpec[]} specs
 * @param {string} [prefix]        for nested names, e.g. "orders[2]."
 * @param {boolean} [rejectUnknown] an unknown key is an 11000 naming it
 * @returns {Record<string, any>}  given fields only (absent ones are undefined)
 */
function readFields(body, specs, prefix = '', rejectUnknown = true) {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw invalid(`${prefix || 'body'} must be a JSON object`);
	const source = /** @type {Record<string, unknown>} */ (body);
	if (rejectUnknown) {
		const known = new Set(specs.map((s) => s.name));
		for (const key of Object.keys(source)) {
			if (!known.has(key)) throw invalid(`${prefix}${key} is not a field of this endpoint`);
		}
	}
	/** @type {Record<string, any>} */
	const out = {};
	for (const spec of specs) {
		const name = `${prefix}${spec.name}`;
		const v = source[spec.name];
		const zero = spec.allowZero && (v === 0 || v === '0');
		const empty = !zero && (isMissing(v) || (typeof v === 'string' && !v.trim()));
		if (empty) {
			if (spec.required) throw invalid(`${name} is required`);
			continue;
		}
		out[spec.name] = readOne(name, v, spec, rejectUnknown);
	}
	return out;
}

/** Decimal places of a checked decimal string. @param {string} value */
const places = (value) => dec.decimalPlaces(value);

module.exports = { readFields, toInt, places, URL_MAX };
