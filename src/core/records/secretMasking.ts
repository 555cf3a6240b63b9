// NoEcho parameter values (passwords, secrets) can come back inside outputs or error descriptions
// (e.g. a connection string output, or "value 'x' does not match"): mask them before anything is shown.
import { REDACTED } from '../parameters/noEchoRedaction';

/** Values this short would mask unrelated text if matched as substrings; they are masked as whole words only. */
const SUBSTRING_MIN_LENGTH = 4;

export function redactSecrets(text: string, secrets: readonly string[] | undefined): string {
  if (!secrets?.length) return text;
  let result = text;
  // Longest first, so a secret containing another is masked as a whole.
  for (const secret of [...new Set(secrets.flatMap(withPieces))].filter(Boolean).sort((a, b) => b.length - a.length)) {
    const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = secret.length >= SUBSTRING_MIN_LENGTH ? escaped : `(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`;
    result = result.replace(new RegExp(pattern, 'g'), REDACTED);
  }
  return result;
}

/**
 * A secret and, when it holds line breaks, tabs or other controls, each piece between them: text that
 * was cut to one line before it reached us (an error's first line) holds only a piece.
 */
function withPieces(secret: string): string[] {
  // eslint-disable-next-line no-control-regex
  const pieces = secret.split(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/);
  return pieces.length > 1 ? [secret, ...pieces] : [secret];
}
