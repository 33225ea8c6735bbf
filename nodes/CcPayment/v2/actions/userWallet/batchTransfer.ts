import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS_V2 } from '../../../shared/transport';
import {
	integerId,
	InvalidParameterError,
	optionalText,
	positiveAmount,
} from '../../helpers/validation';
import { additionalFields, coinLocator, locatorValue } from '../common';
import type { OperationExecute, V2Operation } from '../types';
import { orderIdOf, orderIdProperty, userIdOf, userIdProperty, writeWallet } from './shared';

export const option: V2Operation['option'] = {
	name: 'Batch Transfer',
	value: 'batchTransfer',
	description: 'Move coins from one user to many users in one all-or-nothing transfer',
	action: 'Batch transfer from one user to many',
};

export const properties: INodeProperties[] = [
	userIdProperty('userId', 'From User ID', 'The user whose balance pays every receiver'),
	orderIdProperty('Your unique ID for this batch: re-running with it never transfers twice'),
	coinLocator({ description: 'The coin to transfer' }),
	{
		displayName: 'Receivers From',
		name: 'receiversFrom',
		type: 'options',
		default: 'list',
		options: [
			{
				name: 'List Below',
				value: 'list',
				description: 'One batch per item, receivers listed here',
			},
			{
				name: 'Input Items',
				value: 'items',
				description: 'One batch for all items: each item is one receiver',
			},
		],
	},
	{
		displayName: 'Receivers',
		name: 'receivers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Receiver',
		displayOptions: { show: { receiversFrom: ['list'] } },
		options: [
			{
				displayName: 'Receiver',
				name: 'receiver',
				values: [
					userIdProperty('userId', 'User ID', 'The receiving user'),
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2.5',
						description: 'Amount as a decimal string',
					},
				],
			},
		],
	},
	{
		...userIdProperty('receiverUserId', 'Receiver User ID', 'The receiving user of this item'),
		displayOptions: { show: { receiversFrom: ['items'] } },
	},
	{
		displayName: 'Receiver Amount',
		name: 'receiverAmount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2.5',
		description: 'Amount for the receiver of this item, as a decimal string',
		displayOptions: { show: { receiversFrom: ['items'] } },
	},
	additionalFields([
		{
			displayName: 'Remark',
			name: 'remark',
			type: 'string',
			default: '',
			description: 'A note kept with the batch (at most 255 characters)',
		},
	]),
];

function receiver(userId: unknown, amount: unknown, label: string, appId: string): IDataObject {
	return {
		userId: userIdOf(userId, `${label} User ID`, appId),
		amount: positiveAmount(amount, `${label} Amount`, { example: '2.5' }),
	};
}

function receiversOf(ctx: IExecuteFunctions, i: number, appId: string): IDataObject[] {
	if (ctx.getNodeParameter('receiversFrom', i, 'list') === 'items') {
		return ctx
			.getInputData()
			.map((_, item) =>
				receiver(
					ctx.getNodeParameter('receiverUserId', item),
					ctx.getNodeParameter('receiverAmount', item),
					`Receiver (item ${item})`,
					appId,
				),
			);
	}
	const list = (ctx.getNodeParameter('receivers.receiver', i, []) as IDataObject[]) ?? [];
	return list.map((entry, n) => receiver(entry.userId, entry.amount, `Receiver ${n + 1}`, appId));
}

export const execute: OperationExecute = async function (this, i, client) {
	const fromItems = this.getNodeParameter('receiversFrom', i, 'list') === 'items';
	// From input items, the batch is made once, by the first item; the others add receivers only.
	if (fromItems && i > 0) return [];
	const appId = client.appId();
	const userId = userIdOf(this.getNodeParameter('userId', i), 'From User ID', appId);
	const toUsers = receiversOf(this, i, appId);
	if (!toUsers.length) {
		throw new InvalidParameterError(
			'Receivers',
			'is empty',
			'Add at least one receiver, or choose "Input Items".',
		);
	}
	if (toUsers.some((to) => to.userId === userId)) {
		throw new InvalidParameterError(
			'Receivers',
			'include the sender',
			'Remove the From User ID from the receivers.',
		);
	}
	const extra = this.getNodeParameter('additionalFields', i, {});
	const orderId = orderIdOf(this.getNodeParameter('orderId', i));
	const body = {
		orderId,
		userId,
		toUsers,
		coinId: integerId(locatorValue(this.getNodeParameter('coinId', i)), 'Coin'),
		remark: optionalText(extra.remark, 'Remark'),
	};
	const result = await writeWallet(client, ENDPOINTS_V2.userBatchTransfer, body, i, orderId, {
		what: 'batch transfer',
		lookupHint: 'User Wallet > Get Batch Transfer',
		lookupEndpoint: ENDPOINTS_V2.userBatchTransferRecord,
	});
	return { ...result, receivers: toUsers.length };
};
