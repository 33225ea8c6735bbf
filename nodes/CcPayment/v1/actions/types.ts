// The operation contract is shared by both API versions.
export type { OperationExecute, OperationModule } from '../../shared/execution/run';
