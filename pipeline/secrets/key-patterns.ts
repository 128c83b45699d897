/**
 * Credentials recognisable by their shape, scrubbed even when nobody told us the value:
 * a provider may echo a key we never held (a proxy's own, an upstream one), and a
 * configured key may reach an error through a path that did not know it. Each pattern
 * keeps what names the credential and masks only its value, so a message still says
 * what was wrong.
 */
export const KEY_PATTERNS: readonly { pattern: RegExp; replacement: string }[] = [
  // An Authorization header quoted in a message, whatever its scheme.
  { pattern: /\b(authorization["']?\s*[:=]\s*["']?)((?:bearer|basic|token)\s+)?[^\s"',;}]+/gi, replacement: '$1$2***' },
  // A bearer token anywhere else. Eight characters at least, so prose ("bearer of") is left alone.
  { pattern: /\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, replacement: '$1***' },
  // OpenAI (sk-..., sk-proj-...) and Anthropic (sk-ant-...) keys.
  { pattern: /\bsk-[A-Za-z0-9_-]{12,}/g, replacement: 'sk-***' },
  // Hugging Face access tokens.
  { pattern: /\bhf_[A-Za-z0-9]{12,}/g, replacement: 'hf_***' },
  // Keys in query parameters or header-like fields: Azure's api-key, x-api-key, ?key=, access_token=.
  {
    pattern: /\b((?:x-)?api[-_]?key|access[-_]?token|auth[-_]?token|(?<=[?&])key|(?<=[?&])token)(["']?\s*[=:]\s*["']?)[^\s&#"',;}]+/gi,
    replacement: '$1$2***',
  },
  // user:password@ (or a bare token@) in any URL, Redis URLs included.
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@?#]+@/gi, replacement: '$1***@' },
];
