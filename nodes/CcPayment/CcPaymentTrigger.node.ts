import type {
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { v1Properties } from './trigger/descriptionV1';
import { v2Properties } from './trigger/descriptionV2';
import { webhookV1 } from './trigger/webhookV1';
import { webhookV2 } from './trigger/webhookV2';

type ApiVersion = 'v1' | 'v2';

/** Shows top-level parameters only for one API version (nested ones follow their parent). */
function onlyFor(apiVersion: ApiVersion, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, apiVersion: [apiVersion] },
		},
	}));
}

const apiVersionOptions = [
	{ name: 'V2', value: 'v2' },
	{ name: 'V1 (Legacy)', value: 'v1' },
];

// Saved node-version-1 triggers have no apiVersion parameter: their default must stay v1.
const apiVersionProperties: INodeProperties[] = [
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		noDataExpression: true,
		options: apiVersionOptions,
		default: 'v1',
		description:
			'CCPayment API whose webhooks this trigger receives. v1 App IDs have 33 digits, v2 App IDs 16 letters and digits.',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		noDataExpression: true,
		options: apiVersionOptions,
		default: 'v2',
		description:
			'CCPayment API whose webhooks this trigger receives. v1 App IDs have 33 digits, v2 App IDs 16 letters and digits.',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
	},
];

export class CcPaymentTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCPayment Trigger',
		name: 'ccPaymentTrigger',
		icon: { light: 'file:../../icons/ccpayment.svg', dark: 'file:../../icons/ccpayment.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ ($parameter["events"] || []).length ? $parameter["events"].join(", ") : "any event" }}',
		description:
			'Starts the workflow on verified CCPayment webhook notifications, with the record fetched for v2',
		defaults: {
			name: 'CCPayment Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ccPaymentApi', required: true, displayOptions: { show: { apiVersion: ['v1'] } } },
			{ name: 'ccPaymentV2Api', required: true, displayOptions: { show: { apiVersion: ['v2'] } } },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Deliveries that start a run are acknowledged by webhook() itself (see there); this
				// only matters if n8n ever answers on the node's behalf.
				responseData: '={{ $parameter["options"]["ackBody"] || "success" }}',
				path: 'webhook',
			},
		],
		properties: [
			...apiVersionProperties,
			// v2 first: n8n's node creator offers the first Events parameter's events as the trigger's
			// actions, so it offers v2's, the default API's.
			...onlyFor('v2', v2Properties),
			...onlyFor('v1', v1Properties),
		],
	};

	webhookMethods = {
		default: {
			// CCPayment has no webhook registration API (v1 or v2): the URL is pasted into the
			// dashboard or sent per call. There is nothing remote to look up, so report "exists"
			// and n8n will not call create().
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			// Nothing to register remotely (see checkExists); activation always succeeds.
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			// Nothing to unregister remotely. Deliveries to a deactivated workflow get HTTP 404 from
			// n8n, so CCPayment retries and then gives up; remove the URL in the dashboard to stop them.
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const apiVersion = this.getNodeParameter('apiVersion', 'v1') as ApiVersion;
		if (apiVersion === 'v2') return await webhookV2.call(this);
		return await webhookV1.call(this);
	}
}
