/**
 * What other backend features may use of the backlog (docs/architecture.md, "Rules"): the items in
 * the lead's order, to rank an item another feature creates (support promotes a request).
 */
export { localOrder } from './local-mutators';
