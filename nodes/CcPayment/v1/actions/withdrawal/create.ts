import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalText, positiveAmount, requiredText } from '../../helpers/validation';
import { ENDPOINTS } from '../../../shared/transport';
import { additionalFields, compact, requiredLocator, tokenLocator } from '../common';
import type { OperationExecute } from '../types';
import { writeOutput } from '../writeOutput';

const properties: INodeProperties[] = [
	{
		displayName: 'Merchant Order ID',
		name: 'merchantOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. payout-2024-0001',
		description:
			'Your unique ID for this payout: the idempotency key. Use a stable value from your data (e.g. the payout row ID) so re-running the workflow cannot pay twice.',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. TYWnk1EGALQyYst2yFSd29QQQTEkuKMbyt',
		description:
			"Destination: a blockchain address on the token's network, or a Cwallet ID or Cwallet email (internal transfer, no network fee). For Lightning (SATS), a Lightning invoice.",
	},
	tokenLocator({
		description:
			"Coin and network to send. For a Cwallet ID or email any network of the coin works; for a blockchain address pick the address's network.",
	}),
	{
		displayName: 'Amount',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 25.5',
		description: 'Amount in token units, as a decimal string',
	},
	additionalFields([
		{
			displayName: 'Memo',
			name: 'memo',
			type: 'string',
			default: '',
			placeholder: 'e.g. 12345',
			description: 'Memo or tag, for destinations on memo networks that need one',
		},
		{
			displayName: 'Merchant Pays Fee',
			name: 'merchantPaysFee',
			type: 'boolean',
			default: false,
			description:
				'Whether you pay the network fee on top of the amount, so the payee receives the full amount. Otherwise the fee is deducted from it.',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['withdrawal'], operation: ['create'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const merchantOrderId = requiredText(
		this.getNodeParameter('merchantOrderId', i),
		'Merchant Order ID',
		'Enter a unique, stable ID for this payout (e.g. the payout row ID). It is required because it keeps payouts from being sent twice.',
	);
	const body = compact({
		merchant_order_id: merchantOrderId,
		address: requiredText(
			this.getNodeParameter('address', i),
			'Address',
			'Enter the destination address, Cwallet ID or Cwallet email.',
		),
		token_id: requiredLocator(this.getNodeParameter('tokenId', i), 'Token'),
		value: positiveAmount(this.getNodeParameter('value', i), 'Amount', { example: '25.5' }),
		memo: optionalText(extra.memo, 'Memo'),
		merchant_pays_fee:
			typeof extra.merchantPaysFee === 'boolean' ? extra.merchantPaysFee : undefined,
	});
	const result = await client.write(ENDPOINTS.withdraw, body, i, {
		merchantOrderId,
		reconcilable: true,
		what: 'withdrawal',
		lookupHint: 'Withdrawal > Get',
	});
	return writeOutput(result, merchantOrderId);
};
