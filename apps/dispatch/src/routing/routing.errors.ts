import { DomainError } from '@petition/service-kit';

/** Stable codes of routing errors. */
export enum RoutingErrorCode {
  RuleNotFound = 'ROUTING_RULE_NOT_FOUND',
  RuleInvalid = 'ROUTING_RULE_INVALID',
  RuleNotInForce = 'ROUTING_RULE_NOT_IN_FORCE',
}

/** No rule with this id. */
export class RoutingRuleNotFoundError extends DomainError {
  constructor(id: string) {
    super(RoutingErrorCode.RuleNotFound, `路由规则不存在 (routing rule ${id} not found)`, 'not_found');
  }
}

/** The rule names something the directory does not have, or breaks a routing principle. */
export class RoutingRuleInvalidError extends DomainError {
  constructor(details: Array<{ field: string; reason: string }>) {
    super(RoutingErrorCode.RuleInvalid, '路由规则无效 (routing rule is invalid)', 'unprocessable', details);
  }
}

/** Only a rule still in force at the change's date can be changed. */
export class RoutingRuleNotInForceError extends DomainError {
  constructor(id: string) {
    super(RoutingErrorCode.RuleNotInForce, `路由规则已失效 (routing rule ${id} is no longer in force at that date)`, 'conflict');
  }
}
