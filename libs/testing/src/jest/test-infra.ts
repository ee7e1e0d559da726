interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Handles to the shared test infrastructure, kept on globalThis between global setup and
 * teardown (Jest may load the two files through separate module registries).
 */
export const testInfra: { postgres?: Stoppable; broker?: Stoppable } = ((globalThis as Record<string, unknown>).__petitionTestInfra ??=
  {}) as { postgres?: Stoppable; broker?: Stoppable };
