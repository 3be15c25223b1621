import "server-only";
// STUB: the runner branch replaces this file with the real tick.

/** Asks for a tick soon, without waiting for it. */
export function advancePlansSoon(): void {}
