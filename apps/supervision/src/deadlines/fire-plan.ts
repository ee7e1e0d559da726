import type { Deadline, EscalationStep } from '@petition/deadlines';

/** What the scheduler can fire for a deadline, in the order it fires them. */
export type FireAction = 'warning' | 'overdue' | Exclude<EscalationStep, 'none'>;

/** The ladder's steps in order (docs/rules.md: urge, supervision order, flagged supervision). */
export const LADDER_STEPS: ReadonlyArray<Exclude<EscalationStep, 'none'>> = ['urge', 'supervision_order', 'flagged_supervision'];

/** What already fired for a tracked deadline. */
export interface FiredSoFar {
  warningFired: boolean;
  overdueFired: boolean;
  step: EscalationStep;
  /** True when the escalation ladder applies (an obligation of a unit). */
  ladder: boolean;
}

/** The sweep's decision for one deadline at one instant. */
export interface FirePlan {
  /** To fire now, each exactly once, in this order. */
  fire: FireAction[];
  /** What has fired once `fire` is done. */
  after: FiredSoFar;
  /** When the scheduler must look again; null when nothing is left to fire. */
  nextFireAt: Date | null;
}

const stepIndex = (step: EscalationStep): number => LADDER_STEPS.indexOf(step as Exclude<EscalationStep, 'none'>);

/**
 * The next instant something is due to fire, given what fired already: the warning, then the due
 * instant, then (for unit obligations, once overdue fired) the next ladder step. Null for a
 * completed or paused deadline, or when everything fired. Instants may lie in the past: then the
 * next sweep fires them (a deadline opened late, or a service that was down).
 */
export function nextFireAt(deadline: Deadline, fired: FiredSoFar): Date | null {
  if (deadline.isCompleted || deadline.isPaused) return null;
  const dueMs = deadline.dueMs;
  if (!fired.warningFired) return new Date(Math.min(Date.parse(deadline.warningAt), dueMs));
  if (!fired.overdueFired) return new Date(dueMs);
  if (!fired.ladder) return null;
  const wanted = LADDER_STEPS[stepIndex(fired.step) + 1];
  if (wanted === undefined) return null;
  // The first instant the ladder stands at `wanted`: walk escalationAt's `next` from the due instant
  // (on a working day the urge is reached at the due instant itself).
  let at = deadline.due;
  for (let i = 0; i <= LADDER_STEPS.length; i++) {
    const status = deadline.escalationAt(at);
    if (stepIndex(status.step) >= stepIndex(wanted)) return new Date(at);
    if (status.next === null) return null;
    at = status.next.at;
  }
  return null;
}

/**
 * Decides what fires for `deadline` at `now`: every flag and ladder step reached and not yet fired
 * (a late sweep catches up in order, each once), and when to look next.
 */
export function planFiring(deadline: Deadline, fired: FiredSoFar, now: Date): FirePlan {
  const fire: FireAction[] = [];
  const after: FiredSoFar = { ...fired };
  if (!deadline.isCompleted && !deadline.isPaused) {
    const nowMs = now.getTime();
    const dueMs = deadline.dueMs;
    if (!after.warningFired && nowMs >= Math.min(Date.parse(deadline.warningAt), dueMs)) {
      fire.push('warning');
      after.warningFired = true;
    }
    if (!after.overdueFired && nowMs >= dueMs) {
      fire.push('overdue');
      after.overdueFired = true;
    }
    if (after.ladder && after.overdueFired) {
      const reached = stepIndex(deadline.escalationAt(now).step);
      for (let i = stepIndex(after.step) + 1; i <= reached; i++) fire.push(LADDER_STEPS[i]);
      if (reached > stepIndex(after.step)) after.step = LADDER_STEPS[reached];
    }
  }
  return { fire, after, nextFireAt: nextFireAt(deadline, after) };
}
