/**
 * What scarecrow's model client and its simulator agree on. The client sends these and
 * reads these; the simulator (`simulator/`) implements them. Real endpoints ignore them.
 */

/**
 * Which attempt of a call a request is, counting from 1. The simulator draws faults from
 * it instead of from how often it saw the body, so a retry gets the same fault decision on
 * whichever simulator instance (which worker) answers it.
 */
export const ATTEMPT_HEADER = 'x-scarecrow-attempt';

/** Every model the simulator lists is owned by this, so a client can tell it is talking to the simulator. */
export const SIMULATOR_OWNER = 'scarecrow-simulator';
