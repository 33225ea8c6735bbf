import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidParameterError, requiredText } from './validation';

/**
 * `{ orderId }` or `{ recordId }` for the Get-record calls, which CCPayment answers by either ID.
 * `choice` is the name of the options parameter that says which one the ID is.
 */
export function orderOrRecordId(
	ctx: IExecuteFunctions,
	i: number,
	choice: string,
	label: string,
): IDataObject {
	const by = ctx.getNodeParameter(choice, i, 'orderId') as string;
	if (by !== 'orderId' && by !== 'recordId') {
		throw new InvalidParameterError(label, `is unknown ("${by}")`, 'Pick Order ID or Record ID.');
	}
	const id = requiredText(ctx.getNodeParameter('id', i), 'ID', 'Enter the order ID or record ID.');
	return { [by]: id };
}

/** "Find By" + the ID, for a merchant record (`thing`: "swap", "withdrawal"). */
export function findByProperties(thing: string, placeholder: string): INodeProperties[] {
	return [
		{
			displayName: 'Find By',
			name: 'findBy',
			type: 'options',
			default: 'orderId',
			options: [
				{ name: 'Order ID', value: 'orderId' },
				{ name: 'Record ID', value: 'recordId' },
			],
			description: `Which ID identifies the ${thing}`,
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			required: true,
			default: '',
			placeholder,
			description: 'Your order ID, or CCPayment’s record ID',
		},
	];
}
