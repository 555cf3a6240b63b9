// Tags whose keys AWS reserves for itself (`aws:…`, in any case): the service adds them, nobody may set
// them. The one rule for every place that tells them from the tags people set.

const SYSTEM_TAG = /^aws:/i;

export function isSystemTagKey(key: string): boolean {
  return SYSTEM_TAG.test(key);
}
