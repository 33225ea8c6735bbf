import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../shared/execution/run';
import type { OperationRegistry } from '../../shared/execution/run';
import { PROTOCOL_V2 } from '../../shared/transport/protocol';
import { resources } from './resources';

/** Every v2 operation by "resource:operation", built from the resource list. */
export const operations: OperationRegistry = Object.fromEntries(
	resources.flatMap((resource) =>
		Object.entries(resource.operations).map(([operation, module]) => [
			`${resource.value}:${operation}`,
			module,
		]),
	),
);

/** Runs the selected v2 operation for every item (see shared/execution/run.ts). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperations.call(this, operations, PROTOCOL_V2);
}
