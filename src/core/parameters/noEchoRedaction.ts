// Anything that logs or stores a submission must not keep NoEcho values (passwords, secrets).
import type { ProvisioningForm } from './formModel';

export const REDACTED = '****';

/**
 * A copy of `values` (by parameter key) as they are sent, for the log: every NoEcho field's value
 * replaced by "****", and values left empty left out (they are not sent: the service's default applies).
 */
export function redactNoEcho(form: ProvisioningForm, values: Readonly<Record<string, string>>): Record<string, string> {
  const secretKeys = new Set(form.fields.filter((f) => f.noEcho).map((f) => f.key));
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '').map(([key, value]) => [key, secretKeys.has(key) ? REDACTED : value]));
}
