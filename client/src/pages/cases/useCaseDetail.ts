import type { CaseDetail } from '@haven/shared';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { fetchCase } from '../../api/cases';
import { requestErrors, type FormError } from '../../forms/formErrors';

/** What a change came to: the form keeps what was typed unless it went through. */
export type ChangeOutcome = { ok: true } | { ok: false; errors: FormError[] };

/**
 * Runs a change against the case as last read. `task` gets that case (for its version);
 * `done` says what happened, in the language shown when it is read.
 */
export type RunChange = (
  task: (current: CaseDetail) => Promise<CaseDetail>,
  done: (t: TFunction) => string,
) => Promise<ChangeOutcome>;

export interface Announcement {
  text: (t: TFunction) => string;
  tone: 'success' | 'warning';
  /** Each announcement is new, even with the same words, so it is read again. */
  serial: number;
}

/**
 * One case: loads it, keeps the latest answer of each change, and says what happened. When a
 * change finds the case changed by someone else (409), the case is read again and the user told;
 * the forms keep what they typed, to check and send again.
 */
export function useCaseDetail(id: string) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ id: string; detail: CaseDetail } | null>(null);
  const [loadError, setLoadError] = useState<{ id: string; error: unknown } | null>(null);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const current = useRef<CaseDetail | null>(null);
  const detail = loaded?.id === id ? loaded.detail : null;

  useEffect(() => {
    current.current = detail;
  }, [detail]);

  const reload = useCallback(async () => {
    try {
      const fresh = await fetchCase(id);
      current.current = fresh;
      setLoaded({ id, detail: fresh });
      setLoadError(null);
      return fresh;
    } catch (error) {
      setLoadError({ id, error });
      return null;
    }
  }, [id]);

  useEffect(() => {
    let cancelled = false;
    fetchCase(id).then(
      (fresh) => {
        if (!cancelled) setLoaded({ id, detail: fresh });
      },
      (error: unknown) => {
        if (!cancelled) setLoadError({ id, error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id]);

  const announce = useCallback((text: Announcement['text'], tone: Announcement['tone']) => {
    setAnnouncement((previous) => ({ text, tone, serial: (previous?.serial ?? 0) + 1 }));
  }, []);

  const dismissAnnouncement = useCallback(() => setAnnouncement(null), []);

  const runChange: RunChange = useCallback(
    async (task, done) => {
      const before = current.current;
      if (!before) return { ok: false, errors: [] };
      try {
        const updated = await task(before);
        current.current = updated;
        setLoaded({ id, detail: updated });
        announce(done, 'success');
        return { ok: true };
      } catch (error) {
        if (isApiError(error) && error.status === 409 && error.code === 'stale_version') {
          await reload();
          announce((tr) => tr('cases.case.staleReloaded'), 'warning');
          return { ok: false, errors: [{ message: t('cases.case.staleForm') }] };
        }
        return { ok: false, errors: requestErrors(t, error) };
      }
    },
    [announce, id, reload, t],
  );

  return {
    detail,
    loadError: loadError?.id === id ? loadError.error : null,
    reload,
    runChange,
    announce,
    announcement,
    dismissAnnouncement,
  };
}
