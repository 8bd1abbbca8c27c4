// The HTTP API's request and response schemas and types, shared by server and client.
export * from './accounts.js';
export * from './encoding.js';
export * from './errors.js';
export * from './health.js';
export * from './invites.js';
export * from './limits.js';
export * from './maps.js';
export * from './membership.js';
export * from './directory.js';
export * from './trusted-recovery.js';
