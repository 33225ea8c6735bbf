import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../helpers/validation';

import { additionalFields, compact, locatorValue, simplifyField } from '../../shared/properties';

export { additionalFields, compact, locatorValue, simplifyField };

/** A resourceLocator picked from a coin/all search ("From List") or entered as an ID. */
function catalogueLocator(
	base: {
		displayName: string;
		name: string;
		description: string;
		searchListMethod: string;
		idExample: string;
	},
	overrides: Partial<INodeProperties>,
): INodeProperties {
	return {
		displayName: base.displayName,
		name: base.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: base.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: base.searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${base.idExample}`,
			},
		],
		...overrides,
	};
}

/** Token picker (coin on one network), loaded from coin/all. */
export function tokenLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return catalogueLocator(
		{
			displayName: 'Token',
			name: 'tokenId',
			description: 'The coin on one network (CCPayment token ID)',
			searchListMethod: 'searchTokens',
			idExample: '0912e09a-d8e2-41d7-a0bc-a25530892988',
		},
		{ required: true, ...overrides },
	);
}

/** Coin picker (all networks of one symbol), loaded from coin/all. */
export function coinLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return catalogueLocator(
		{
			displayName: 'Coin',
			name: 'coinId',
			description: 'The coin (CCPayment coin ID)',
			searchListMethod: 'searchCoins',
			idExample: '8e5741cf-6e51-4892-9d04-3d40e1dd0128',
		},
		overrides,
	);
}

export const merchantOrderIdsField: INodeProperties = {
	displayName: 'Merchant Order IDs',
	name: 'merchantOrderIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. order-1001, order-1002',
	description:
		'Your order IDs, separated by commas, or an expression returning a list. Any number is accepted: duplicates are dropped and the IDs are sent in calls of at most 100.',
};

/** The label n8n cached when the user picked from the list (e.g. "SATS · Lightning (LN)"). */
export function locatorLabel(raw: unknown): string {
	if (raw && typeof raw === 'object' && 'cachedResultName' in raw) {
		const name = (raw as { cachedResultName?: unknown }).cachedResultName;
		return typeof name === 'string' ? name : '';
	}
	return '';
}

/** Whether a picked token is Lightning (SATS), whose orders may live at most 2 hours. */
export function isLightningLabel(label: string): boolean {
	return /\bSATS\b|lightning/i.test(label);
}

export function requiredLocator(raw: unknown, field: string): string {
	return requiredText(
		locatorValue(raw),
		field,
		`Pick a ${field.toLowerCase()} from the list or enter its ID.`,
	);
}

/** `data.list` of a list-shaped response, or the array itself. */
export function listOf(data: IDataObject | IDataObject[]): IDataObject[] {
	if (Array.isArray(data)) return data;
	const list = data.list;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}
