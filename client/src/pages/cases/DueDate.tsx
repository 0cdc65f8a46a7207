import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/formatting';
import { dueState, formatDay } from './caseDates';

/**
 * A deadline: its date, and in words whether it is met, overdue or due within two days, so the
 * highlight is never colour alone. `due` is a moment or a day (`YYYY-MM-DD`).
 */
export function DueDate({
  due,
  now,
  doneAt = null,
  overdue,
  stopped = false,
}: {
  due: string;
  now: number;
  doneAt?: string | null;
  /** The server's own verdict, when it gives one (the SLA). */
  overdue?: boolean;
  /** The clock no longer runs (a finished case's SLA): the date alone, flagged in no way. */
  stopped?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const state = stopped ? 'stopped' : overdue ? 'overdue' : dueState(due, now, doneAt);
  const date =
    due.length === 10 ? formatDay(due, i18n.language) : formatDateTime(due, i18n.language);
  return (
    <span className={`due due-${state}`}>
      <span className="due-date">{date}</span>
      {state === 'overdue' ? <span className="due-state">{t('cases.due.overdue')}</span> : null}
      {state === 'soon' ? <span className="due-state">{t('cases.due.soon')}</span> : null}
      {state === 'met' && doneAt ? (
        <span className="due-state">
          {t('cases.due.met', { date: formatDateTime(doneAt, i18n.language) })}
        </span>
      ) : null}
    </span>
  );
}
