/**
 * @module client
 * Calls to the Casus HTTP API (same origin). Every failure becomes an ApiError whose message is the
 * API's own words (`{ error: { code, message, issues } }`), so a panel can always say what went wrong.
 */
import type { FeatureCollection } from 'geojson';
import type { Assessment, CaseFile, CaseListItem, Dataset, DatasetFinding, DatasetListItem, Extraction, Location, Reliability, Treaty } from './types.js';

/** A failed call, in words a person can read. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fields: readonly { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; issues?: { field: string; message: string }[] };
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError('The Casus server could not be reached. Is `npm start` still running?', 0, 'unreachable');
  }
  const text = await res.text();
  if (!res.ok) {
    let body: ErrorBody = {};
    try {
      body = JSON.parse(text) as ErrorBody;
    } catch {
      // Not the API's error shape (a proxy, a crash page): the status line is all there is.
    }
    const e = body.error;
    throw new ApiError(e?.message ?? `${res.status} ${res.statusText}`, res.status, e?.code ?? 'http', e?.issues ?? []);
  }
  return JSON.parse(text) as T;
}

const post = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

/** The question the Ask form sends (POST /v1/assessments). */
export interface AssessRequest {
  date: string;
  at: [number, number];
  attacker: string;
  target: string;
  kind?: string;
  against?: string;
  flag?: string;
  requestedBy?: string[];
  treaty?: string;
}

export const api = {
  treaties: () => call<{ treaties: Treaty[] }>('/v1/treaties'),
  assess: (q: AssessRequest) => call<Assessment>('/v1/assessments', post(q)),
  countries: (date: string, detail: 'coarse' | 'fine') => call<unknown>(`/v1/map/countries?detail=${detail}&date=${date}`),
  borders: (date: string) => call<FeatureCollection>(`/v1/map/borders?date=${date}`),
  overlays: (date: string) => call<FeatureCollection>(`/v1/map/overlays?date=${date}`),
  zones: (treaty: string, provision: string, date: string, reading: string) =>
    call<FeatureCollection>(`/v1/zones?treaty=${encodeURIComponent(treaty)}&provision=${encodeURIComponent(provision)}&date=${date}&reading=${reading}`),
  cases: () => call<{ cases: CaseListItem[] }>('/v1/cases?origin=all'),
  caseFile: (id: string) => call<CaseFile>(`/v1/cases/${encodeURIComponent(id)}`),
  openCase: (body: unknown, token: string) => call<CaseFile>('/v1/cases', post(body, token)),
  appendEvent: (id: string, expectedVersion: number, event: unknown, token: string) =>
    call<CaseFile>(`/v1/cases/${encodeURIComponent(id)}/events`, post({ expectedVersion, event }, token)),
  record: () => call<{ cases: CaseFile[] }>('/v1/record'),
  locate: (at: readonly [number, number], date: string) => call<Location & { at: [number, number]; date: string }>(`/v1/locate?at=${at[0]},${at[1]}&date=${date}`),
  datasets: () => call<{ datasets: DatasetListItem[] }>('/v1/datasets'),
  dataset: (id: string) => call<Dataset>(`/v1/datasets/${encodeURIComponent(id)}`),
  datasetFindings: (id: string, query: Record<string, string | number>) =>
    call<{ findings: DatasetFinding[]; next: number | null }>(
      `/v1/datasets/${encodeURIComponent(id)}/findings?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`,
    ),
  extract: (text: string, date?: string) => call<Extraction>('/v1/extract', post({ text, ...(date ? { date } : {}) })),
  reliability: () => call<Reliability>('/v1/reliability?origin=all'),
};
