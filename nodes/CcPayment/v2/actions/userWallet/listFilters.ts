/** Optional filters the wallet-system lists share, and how they become request fields. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	integerId,
	InvalidParameterError,
	optionalText,
	optionalTextList,
} from '../../helpers/validation';

export const coinFilter: INodeProperties = {
	displayName: 'Coin ID',
	name: 'coinId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1280',
	description: 'Only records of this coin',
};

export const orderIdsFilter: INodeProperties = {
	displayName: 'Order IDs',
	name: 'orderIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. payout-1, payout-2',
	description: 'Only these order IDs (comma-separated, at most 20)',
};

export function optionalUserFilter(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: 'e.g. user-10042',
		description: `Only records with this ${displayName.toLowerCase()}`,
	};
}

/** coinId and orderIds from the Additional Fields. */
export function commonFilters(extra: IDataObject): IDataObject {
	const orderIds = optionalTextList(extra.orderIds, 'Order IDs');
	if (orderIds && orderIds.length > 20) {
		throw new InvalidParameterError(
			'Order IDs',
			`allows at most 20 IDs (got ${orderIds.length})`,
			'Split the list over several items.',
		);
	}
	return {
		coinId: extra.coinId ? integerId(extra.coinId, 'Coin ID') : undefined,
		orderIds,
		chain: optionalText(extra.chain, 'Chain'),
	};
}
