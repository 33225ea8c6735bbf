import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFields, compact, locatorValue, simplifyField } from '../../shared/properties';
import { requiredText } from '../helpers/validation';

export { additionalFields, compact, locatorValue, simplifyField };

/** The Chain picker's value (list or typed symbol), required. */
export function chainOf(ctx: IExecuteFunctions, i: number, example = 'POLYGON'): string {
	return requiredText(
		locatorValue(ctx.getNodeParameter('chain', i)),
		'Chain',
		`Pick a chain from the list or enter its symbol, e.g. ${example}.`,
	);
}

/** A picker loaded from getCoinList ("From List") or an ID typed in. */
function catalogueLocator(
	base: {
		displayName: string;
		name: string;
		description: string;
		searchListMethod: string;
		placeholder: string;
	},
	overrides: Partial<INodeProperties>,
): INodeProperties {
	return {
		displayName: base.displayName,
		name: base.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
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
				placeholder: base.placeholder,
			},
		],
		...overrides,
	};
}

/** Coin picker: one entry per coin of "Tokens for your business"; the value is the numeric coin ID. */
export function coinLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return catalogueLocator(
		{
			displayName: 'Coin',
			name: 'coinId',
			description: 'The coin (CCPayment coin ID)',
			searchListMethod: 'searchCoinsV2',
			placeholder: 'e.g. 1280',
		},
		overrides,
	);
}

/** Chain picker: the networks of the coin picked above (all chains when no coin is picked). */
export function chainLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return catalogueLocator(
		{
			displayName: 'Chain',
			name: 'chain',
			description: 'The network (CCPayment chain symbol)',
			searchListMethod: 'searchChainsV2',
			placeholder: 'e.g. POLYGON',
		},
		overrides,
	);
}

/** Return All + Limit, for cursor-paged lists. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** `data[key]` of a list-shaped answer, or an empty list. */
export function listAt(data: IDataObject | IDataObject[], key: string): IDataObject[] {
	if (Array.isArray(data)) return data;
	const list = data[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** `data[key]` of an object-shaped answer, or the answer itself. */
export function objectAt(data: IDataObject | IDataObject[], key: string): IDataObject {
	if (Array.isArray(data)) return {};
	const value = data[key];
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: data;
}
