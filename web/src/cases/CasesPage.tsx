/**
 * @module CasesPage
 * The case files — the shipped record and the user's own — as a list, and the chosen one as a
 * timeline with the forms to open a case or append an event.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { CaseFile, CaseListItem, Treaty } from '../api/types.js';
import { CaseTimeline } from './CaseTimeline.js';
import { AppendEventForm, OpenCaseForm, TokenField, useToken } from './CaseForms.js';

interface Props {
  readonly selected: string;
  readonly treaties: readonly Treaty[];
  readonly onSelect: (id: string) => void;
}

/** The Case files page. */
export function CasesPage({ selected, treaties, onSelect }: Props) {
  const [list, setList] = useState<readonly CaseListItem[]>();
  const [listError, setListError] = useState('');
  const [file, setFile] = useState<CaseFile>();
  const [fileError, setFileError] = useState('');
  const [token, setToken] = useToken();

  const reload = useCallback(() => {
    api.cases().then(
      (r) => setList(r.cases),
      (e: unknown) => setListError(e instanceof ApiError ? e.message : String(e)),
    );
  }, []);
  useEffect(reload, [reload]);

  useEffect(() => {
    setFile(undefined);
    setFileError('');
    if (!selected) return;
    let live = true;
    api.caseFile(selected).then(
      (f) => live && setFile(f),
      (e: unknown) => live && setFileError(e instanceof ApiError ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [selected]);

  return (
    <div className="cases-page">
      <nav className="case-list" aria-label="Case files">
        <h2>Case files</h2>
        {!list && !listError && <p role="status">Loading case files…</p>}
        {listError && <p className="error" role="alert">The case files could not be loaded: {listError}</p>}
        {list && (
          <ul>
            {list.map((c) => (
              <li key={c.id}>
                <a
                  href={`?view=cases&case=${encodeURIComponent(c.id)}`}
                  aria-current={c.id === selected ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    onSelect(c.id);
                  }}
                >
                  <span className="case-date">{c.incidentDate}</span> {c.title}
                </a>{' '}
                <small>
                  {c.treaty.toUpperCase()} · {c.origin} · {c.state}
                </small>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <div className="case-detail">
        <TokenField token={token} onToken={setToken} />
        {!selected && <p>Choose a case file on the left to see its timeline, or open a new one below.</p>}
        {selected && !file && !fileError && <p role="status">Loading {selected}…</p>}
        {fileError && (
          <p className="error" role="alert">
            {fileError}
          </p>
        )}
        {file && (
          <>
            <CaseTimeline file={file} />
            {file.origin === 'user' ? (
              <AppendEventForm
                file={file}
                token={token}
                onAppended={(f) => {
                  setFile(f);
                  reload();
                }}
              />
            ) : (
              <p className="hint">Record cases are loaded from data/record and are read-only here; open your own case file to play the procedure forward.</p>
            )}
          </>
        )}
        <OpenCaseForm
          treaties={treaties}
          token={token}
          onOpened={(f) => {
            reload();
            onSelect(f.id);
          }}
        />
      </div>
    </div>
  );
}
