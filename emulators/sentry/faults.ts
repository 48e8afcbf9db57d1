/**
 * Fault injection for the Sentry emulator: the common fault spec, parsed and matched by the shared injector
 * (emulators/shared/faults.ts); server.ts decides what an injected Sentry answer looks like.
 */
export { type ActiveFault, FaultInjector, type FaultSpec, FaultSpecError, parseFaultSpec } from '../shared/faults.ts';
