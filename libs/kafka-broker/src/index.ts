export { startBroker } from './start-broker';
export type { BrokerLogger, BrokerOptions, FsyncPolicy, RetentionOptions, RunningBroker } from './broker-options';
