/**
 * Why a petition waits for a dispatcher: no rule covers it, leaders must see it first (emergency,
 * collective), the only route would reach the accused unit, or units returned it.
 */
export const QUEUE_REASON_KINDS = ['no_rule', 'emergency', 'collective', 'accused_unit', 'returned', 'escalated'] as const;

/** One of {@link QUEUE_REASON_KINDS}. */
export type QueueReasonKind = (typeof QUEUE_REASON_KINDS)[number];
