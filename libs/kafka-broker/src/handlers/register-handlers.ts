import type { BrokerContext } from '../server/broker-context';
import { RequestDispatcher } from '../server/request-dispatcher';
import { ApiVersionsHandler } from './api-versions.handler';
import { CreateTopicsHandler } from './create-topics.handler';
import { DeleteGroupsHandler } from './delete-groups.handler';
import { DeleteTopicsHandler } from './delete-topics.handler';
import { DescribeGroupsHandler } from './describe-groups.handler';
import { FetchHandler } from './fetch.handler';
import { FindCoordinatorHandler } from './find-coordinator.handler';
import { HeartbeatHandler } from './heartbeat.handler';
import { InitProducerIdHandler } from './init-producer-id.handler';
import { JoinGroupHandler } from './join-group.handler';
import { LeaveGroupHandler } from './leave-group.handler';
import { ListGroupsHandler } from './list-groups.handler';
import { ListOffsetsHandler } from './list-offsets.handler';
import { MetadataHandler } from './metadata.handler';
import { OffsetCommitHandler } from './offset-commit.handler';
import { OffsetFetchHandler } from './offset-fetch.handler';
import { ProduceHandler } from './produce.handler';
import { SyncGroupHandler } from './sync-group.handler';

/**
 * Builds the dispatcher with every API the broker serves (and therefore advertises).
 * @returns the dispatcher, ApiVersions included
 */
export function createDispatcher(broker: BrokerContext): RequestDispatcher {
  const dispatcher = new RequestDispatcher();
  return dispatcher
    .register(new ApiVersionsHandler(dispatcher))
    .register(new ProduceHandler(broker))
    .register(new FetchHandler(broker))
    .register(new ListOffsetsHandler(broker))
    .register(new MetadataHandler(broker))
    .register(new OffsetCommitHandler(broker))
    .register(new OffsetFetchHandler(broker))
    .register(new FindCoordinatorHandler(broker))
    .register(new JoinGroupHandler(broker))
    .register(new HeartbeatHandler(broker))
    .register(new LeaveGroupHandler(broker))
    .register(new SyncGroupHandler(broker))
    .register(new DescribeGroupsHandler(broker))
    .register(new ListGroupsHandler(broker))
    .register(new CreateTopicsHandler(broker))
    .register(new DeleteTopicsHandler(broker))
    .register(new InitProducerIdHandler(broker))
    .register(new DeleteGroupsHandler(broker));
}
