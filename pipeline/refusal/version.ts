/** Version of the committed refusal model; bump it whenever features or training change. */
export const REFUSAL_CLASSIFIER_VERSION = 'refusal-lr-v4';
