import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toUnixSeconds } from '../../../shared/time';
import { oneOf, resendWindow, TRANSACTION_TYPES, WEBHOOK_RESULTS } from '../../helpers/validation';
import { ENDPOINTS } from '../../../shared/transport';
import { additionalFields, compact } from '../common';
import type { OperationExecute } from '../types';

const properties: INodeProperties[] = [
	{
		displayName:
			'CCPayment allows this call at most once per minute and 25 times per day, and resends only confirmed transactions.',
		name: 'resendNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the window of webhooks to resend (a date, or Unix seconds)',
	},
	additionalFields([
		{
			displayName: 'End Time',
			name: 'endTime',
			type: 'dateTime',
			default: '',
			description:
				'End of the window, at most 1 hour after the start. Without it, the window is the hour after the start.',
		},
		{
			displayName: 'Transaction Type',
			name: 'transactionType',
			type: 'options',
			default: 'All Type',
			options: TRANSACTION_TYPES.map((value) => ({
				name: value === 'All Type' ? 'All Types' : value,
				value,
			})),
			description: 'Which kind of transactions to resend webhooks for',
		},
		{
			displayName: 'Webhook Result',
			name: 'webhookResult',
			type: 'options',
			default: 'Failed',
			options: [
				{
					name: 'Failed Only',
					value: 'Failed',
					description: 'Only webhooks your endpoint did not acknowledge',
				},
				{ name: 'All Results', value: 'All Result', description: 'Every webhook in the window' },
			],
			description: 'Whether to resend only failed deliveries or all of them',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['resend'] } },
	properties,
);

export const execute: OperationExecute = async function (this, i, client) {
	const extra = this.getNodeParameter('additionalFields', i, {});
	const timeZone = this.getTimezone();
	const start = toUnixSeconds(this.getNodeParameter('startTime', i), 'Start Time', timeZone);
	const hasEnd = extra.endTime !== undefined && extra.endTime !== '';
	const end = hasEnd ? toUnixSeconds(extra.endTime, 'End Time', timeZone) : undefined;
	resendWindow(start, end);
	const body = compact({
		start_timestamp: start,
		end_timestamp: end,
		webhook_result:
			extra.webhookResult === undefined
				? undefined
				: oneOf(extra.webhookResult, WEBHOOK_RESULTS, 'Webhook Result'),
		transaction_type:
			extra.transactionType === undefined
				? undefined
				: oneOf(extra.transactionType, TRANSACTION_TYPES, 'Transaction Type'),
	});
	// CCPayment allows one resend per minute: never repeat a call that may have gone through.
	return await client.read(ENDPOINTS.webhookResend, body, i, { onlyIfNotApplied: true });
};
