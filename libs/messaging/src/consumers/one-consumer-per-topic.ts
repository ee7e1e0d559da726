import type { ModulesContainer } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';

/**
 * Refuses to start a service where two Kafka handlers listen to the same topic. Nest runs the
 * second one chained to the first without awaiting it, so Kafka could commit the offset before it
 * finished and a crash would lose its effect. Consume through `EventConsumerModule` instead.
 */
export function assertOneConsumerPerTopic(modules: ModulesContainer): void {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const proto = (wrapper.metatype as { prototype?: object } | null)?.prototype;
      if (!proto) continue;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const method = Object.getOwnPropertyDescriptor(proto, name)?.value;
        if (typeof method !== 'function') continue;
        const patterns: unknown[] = Reflect.getMetadata(PATTERN_METADATA, method) ?? [];
        for (const pattern of patterns) {
          const key = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
          const here = `${wrapper.name}.${name}`;
          const first = owner.get(key);
          if (first && first !== here) problems.push(`${key}: ${first} and ${here}`);
          else owner.set(key, here);
        }
      }
    }
  }
  if (problems.length) {
    throw new Error(
      `two Kafka handlers on one topic (Nest would not await the second, so its offset could be committed before it finished):\n  - ${problems.join('\n  - ')}\n` +
        'subscribe through EventConsumerModule (libs/messaging) instead',
    );
  }
}
