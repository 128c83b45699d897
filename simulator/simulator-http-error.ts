/** A request the simulator rejects, with the status and OpenAI error fields to send back. */
export class SimulatorHttpError extends Error {
  override readonly name = 'SimulatorHttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly details: { type: string; code: string | null; param?: string | null },
  ) {
    super(message);
  }
}

export function isSimulatorHttpError(error: unknown): error is SimulatorHttpError {
  return error instanceof Error && error.name === 'SimulatorHttpError';
}

/** OpenAI's error body shape, which its SDKs read the message from. */
export function errorBody(options: { message: string; type: string; code: string | null; param?: string | null }): string {
  return JSON.stringify({ error: { message: options.message, type: options.type, param: options.param ?? null, code: options.code } });
}
