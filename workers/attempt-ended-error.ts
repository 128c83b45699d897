/**
 * A model call that a job's stage started after the job's attempt had ended: refused before it
 * was made. The stage's work runs on past its first failure (the other samples of a probe, a
 * refusal judge whose prompt was still being built), but the job has already been handed back
 * with its ledger saved, so an answer now would be lost and the call made again by the next
 * attempt. Refused, the call is made once, by that next attempt, as in-process retries make it.
 */
export class AttemptEndedError extends Error {
  override readonly name = 'AttemptEndedError';
  constructor() {
    super('this job attempt has ended: the call is left to the job\'s next attempt');
  }
}
