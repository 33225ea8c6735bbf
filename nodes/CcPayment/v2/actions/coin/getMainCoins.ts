import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { requiredText } from '../../helpers/validation';
import { listAt } from '../common';
import type { OperationExecute, V2Operation } from '../types';

export const option: V2Operation['option'] = {
	name: 'Get Main Coins',
	value: 'getMainCoins',
	description: 'Get the main coin of each chain offered to payers (one item per coin and chain)',
	action: 'Get main coins',
};

export const properties: INodeProperties[] = [];

export const execute: OperationExecute = async function (this, i, client) {
	const body = {
		appId: requiredText(
			client.appId(),
			'App ID',
			'Enter the App ID in the CCPayment V2 API credential.',
		),
	};
	return listAt(await client.read(ENDPOINTS_V2.mainCoinList, body, i), 'coinChainList');
};
