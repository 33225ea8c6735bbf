import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CCPaymentClient } from '../../shared/transport/client';

/**
 * One operation: the router calls `execute.call(this, itemIndex, client)` once per item, with the
 * client shared by every item of the execution. Arrays become one output item per entry.
 */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	client: CCPaymentClient,
) => Promise<IDataObject | IDataObject[]>;

export interface OperationModule {
	description: INodeProperties[];
	execute: OperationExecute;
}
