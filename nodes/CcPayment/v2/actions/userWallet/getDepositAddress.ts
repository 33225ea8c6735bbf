import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import { optionalUrl } from '../../helpers/moneyFields';
import { requiredText } from '../../helpers/validation';
import { additionalFields, chainLocator, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { readWallet, userIdOf, userIdProperty } from './shared';

export const option: V2Operation['option'] = {
	name: 'Get Deposit Address',
	value: 'getDepositAddress',
	description: "Get a user's deposit address on a chain, creating it the first time",
	action: "Get or create a user's deposit address",
};

export const properties: INodeProperties[] = [
	userIdProperty(),
	chainLocator({ description: 'The network of the address' }),
	additionalFields([
		{
			displayName: 'Notify URL',
			name: 'notifyUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/webhook',
			description: "Where CCPayment sends this address's UserDeposit webhooks",
		},
	]),
];

export const execute: OperationExecute = async function (this, i, client) {
	const userId = userIdOf(this.getNodeParameter('userId', i), 'User ID', client.appId());
	const chain = requiredText(locatorValue(this.getNodeParameter('chain', i)), 'Chain');
	const extra = this.getNodeParameter('additionalFields', i, {});
	// Idempotent per user and chain (the same address comes back), so a plain retried read is safe.
	const data = await readWallet(
		client,
		ENDPOINTS_V2.userDepositAddress,
		{ userId, chain, notifyUrl: optionalUrl(extra.notifyUrl, 'Notify URL') },
		i,
	);
	return { userId, chain, ...(Array.isArray(data) ? {} : data) };
};
