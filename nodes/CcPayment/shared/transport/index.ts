// The v1 transport: endpoint names, the request function, error classification and the client that
// paces and retries calls. Each part lives in its own file; this module only gathers them.
export * from './endpoints';
export * from './errors';
export * from './request';
export * from './client';
