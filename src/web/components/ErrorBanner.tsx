// The error banner (API or database down, failed request) with a retry button, and the notice
// line for empty states.
import { setError, setNotice } from '../core/ui.js';
import { useApp, useRuntime } from '../runtime/context.js';

export function ErrorBanner() {
  const rt = useRuntime();
  const error = useApp((s) => s.error);
  const notice = useApp((s) => s.notice);
  return (
    <>
      {error && (
        <div className="banner error" role="alert">
          <span>{error.message}</span>
          {error.retry && (
            <button
              type="button"
              onClick={() => {
                const retry = error.retry;
                rt.dispatch(setError(null));
                retry?.();
              }}
            >
              Retry
            </button>
          )}
          <button type="button" aria-label="Dismiss error" onClick={() => rt.dispatch(setError(null))}>
            ✕
          </button>
        </div>
      )}
      {notice && (
        <div className="banner notice" role="status">
          <span>{notice}</span>
          <button type="button" aria-label="Dismiss notice" onClick={() => rt.dispatch(setNotice(null))}>
            ✕
          </button>
        </div>
      )}
    </>
  );
}
