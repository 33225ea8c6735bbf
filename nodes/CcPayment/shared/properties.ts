import type { IDataObject, INodeProperties } from 'n8n-workflow';

// Parameter builders and readers that the v1 and v2 operations share.

/** The "Additional Fields" collection of an operation's optional request fields. */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** The Simplify toggle; `description` starts with "Whether to return a simplified version ...". */
export function simplifyField(description: string): INodeProperties {
	return { displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, description };
}

/** The value of a resourceLocator (or a plain string) parameter. */
export function locatorValue(raw: unknown): unknown {
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) {
		return (raw as { value: unknown }).value;
	}
	return raw;
}

/** Drop undefined and empty-string values (CCPayment treats them as "not provided" anyway). */
export function compact(body: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === '') continue;
		result[key] = value;
	}
	return result;
}
