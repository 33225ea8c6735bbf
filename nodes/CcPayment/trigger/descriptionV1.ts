/**
 * The v1 trigger's parameters, unchanged since 0.1.0: saved node-version-1 triggers read them.
 */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMESTAMP_TOLERANCE_SECONDS } from './verification';

export const DEFAULT_ACK_BODY = 'success';

export const v1Properties: INodeProperties[] = [
	{
		displayName:
			'Copy the Production URL into the CCPayment dashboard (Developer page, "Webhook URL") or pass it as notify_url. The Test URL only receives while "Listen for test event" is active.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{
				name: 'API Deposit',
				value: 'api_deposit',
				description: 'Payment to an order from Hosted or Native Checkout',
			},
			{
				name: 'API Withdrawal',
				value: 'api_withdrawal',
				description: 'A withdrawal created through the API completed or failed',
			},
			{
				name: 'Direct Deposit',
				value: 'direct_deposit',
				description: 'Deposit to a permanent address of one of your users',
			},
			{
				name: 'Invoice',
				value: 'invoice',
				description: 'Payment of an invoice created in the dashboard',
			},
			{
				name: 'Refund',
				value: 'refund',
				description: 'A refund made from the dashboard completed or failed',
			},
		],
		default: ['api_deposit', 'direct_deposit', 'invoice', 'api_withdrawal', 'refund'],
		description:
			'Which notification types start the workflow. Others are acknowledged and dropped. Leave empty to accept every notification, including order types this node does not recognise.',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: [
			{
				name: 'Failed',
				value: 'failed',
				description: 'The transaction failed',
			},
			{
				name: 'Pending',
				value: 'pending',
				description:
					'Detected, not yet sent to the chain (only with a non-default notification setting)',
			},
			{
				name: 'Processing',
				value: 'processing',
				description: 'Being processed on chain (only with a non-default notification setting)',
			},
			{
				name: 'Success',
				value: 'success',
				description: 'Confirmed. The only status that means the funds moved.',
			},
		],
		default: ['success'],
		description:
			'Which pay_status values start the workflow. Others are acknowledged and dropped. Leave empty to accept every status.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Acknowledgement Body',
				name: 'ackBody',
				type: 'string',
				default: DEFAULT_ACK_BODY,
				description:
					'Plain-text body sent with HTTP 200 to every accepted, filtered or duplicate delivery. CCPayment keeps retrying unless the body contains "success".',
			},
			{
				displayName: 'Allowed IP Addresses',
				name: 'ipAllowlist',
				type: 'string',
				default: '',
				placeholder: 'e.g. 203.0.113.10, 198.51.100.0/24',
				description:
					'Comma-separated sender IPs or IPv4 CIDR ranges. Others get HTTP 403. Empty allows all; the signature remains the real check.',
			},
			{
				displayName: 'Ignore Duplicate Deliveries',
				name: 'ignoreDuplicates',
				type: 'boolean',
				default: true,
				description:
					'Whether to acknowledge a notification already accepted (same type, record ID and status) without running the workflow again',
			},
			{
				displayName: 'Include Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the request headers to ccpayment.headers in the output. The Sign header and credentials-like headers are never included.',
			},
			{
				displayName: 'Require App ID Match',
				name: 'requireAppIdMatch',
				type: 'boolean',
				default: true,
				description:
					'Whether the Appid header must be present and equal the App ID of the credential. When off, the signature is still checked with the App Secret.',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'timestampTolerance',
				type: 'number',
				default: DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
				typeOptions: { minValue: 0 },
				description:
					"How far the signed Timestamp may be from this machine's clock before a delivery is refused as a replay. 0 turns the check off.",
			},
		],
	},
];
