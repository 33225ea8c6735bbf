import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { locatorValue } from '../actions/common';
import { chainItemsV2, coinItemsV2, fetchCoinsV2, filterItemsV2 } from './catalogue';

export async function searchCoinsV2(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return { results: filterItemsV2(coinItemsV2(await fetchCoinsV2.call(this)), filter) };
}

/** The chains of the coin picked in the same operation; every chain when none is picked yet. */
export async function searchChainsV2(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	// The raw value: the locator has no regex to extract, and n8n's extractValue throws when it
	// cannot match the parameter to a displayed definition (coinId is defined per API version).
	const picked = locatorValue(this.getCurrentNodeParameter('coinId'));
	const coinId =
		typeof picked === 'string' || typeof picked === 'number' ? String(picked).trim() : '';
	// An expression is not resolved here: list every chain rather than guess.
	return {
		results: filterItemsV2(
			chainItemsV2(await fetchCoinsV2.call(this), /^\d+$/.test(coinId) ? coinId : undefined),
			filter,
		),
	};
}
