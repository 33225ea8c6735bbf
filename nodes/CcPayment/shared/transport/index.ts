// The transport for both API versions: endpoint names, the request function, error classification,
// the protocol descriptors and the client that paces and retries calls. Each part lives in its own
// file; this module only gathers them.
export * from './endpoints';
export * from './endpointsV2';
export * from './errors';
export * from './errorsV2';
export * from './protocol';
export * from './request';
export * from './client';
