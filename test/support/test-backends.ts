/**
 * @module test-backends
 * Which storage backends a test run covers: CASUS_TEST_DB=sqlite,postgres (default: all available).
 */

export type Backend = 'sqlite' | 'postgres';

/** True when `backend` is selected by CASUS_TEST_DB (or when it is unset). */
export function backendSelected(backend: Backend, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.CASUS_TEST_DB?.trim();
  if (!value) return true;
  return value
    .split(',')
    .map((s) => s.trim())
    .includes(backend);
}
