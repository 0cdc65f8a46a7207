import { can, type AssigneeList, type CaseDetail, type Me } from '@haven/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { assignCase, listAssignees } from '../../api/cases';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { SelectField, SubmitButton } from '../../forms/fields';
import { requestErrors, type FormError } from '../../forms/formErrors';
import type { RunChange } from './useCaseDetail';

const ASSIGNEE_ID = 'assign-to';
const NOBODY = '';

/**
 * Who holds the case. A supervisor assigns anyone (or nobody); an officer may take an
 * unassigned case for themselves.
 */
export function AssignPanel({
  detail,
  me,
  runChange,
}: {
  detail: CaseDetail;
  me: Me;
  runChange: RunChange;
}) {
  const { t } = useTranslation();
  const mayAssign = can(me.roles, 'case.assign');
  const mayTake = can(me.roles, 'case.claim') && detail.assignee === null;
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  async function assign(assigneeId: string | null, done: Parameters<RunChange>[1]) {
    setBusy(true);
    setErrors([]);
    const outcome = await runChange(
      (current) => assignCase(current.id, { version: current.version, assigneeId }),
      done,
    );
    setBusy(false);
    if (!outcome.ok) setErrors(outcome.errors);
  }

  const holder = detail.assignee
    ? detail.assignee.id === me.id
      ? t('cases.assign.you')
      : t('cases.assign.holder', { name: detail.assignee.displayName })
    : t('cases.assign.nobody');

  return (
    <section className="panel" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('cases.assign.title')}</h2>
      <p>{holder}</p>
      <ErrorSummary errors={errors} fieldIds={{ assigneeId: ASSIGNEE_ID }} />
      {mayAssign ? (
        <AssignForm
          current={detail.assignee?.id ?? NOBODY}
          busy={busy}
          onAssign={(assigneeId, name) =>
            assign(assigneeId, (tr) =>
              assigneeId === null
                ? tr('cases.assign.unassignedDone')
                : tr('cases.assign.assignedDone', { name }),
            )
          }
        />
      ) : mayTake ? (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void assign(me.id, (tr) => tr('cases.assign.takenDone'))}
        >
          {t('cases.assign.take')}
        </button>
      ) : null}
    </section>
  );
}

function AssignForm({
  current,
  busy,
  onAssign,
}: {
  current: string;
  busy: boolean;
  onAssign(assigneeId: string | null, name: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<AssigneeList['items'] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [chosen, setChosen] = useState(current);

  useEffect(() => {
    let cancelled = false;
    listAssignees().then(
      (list) => {
        if (!cancelled) setPeople(list.items);
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || chosen === current) return;
    const name = people?.find((person) => person.id === chosen)?.displayName ?? '';
    void onAssign(chosen === NOBODY ? null : chosen, name);
  }

  if (loadError) {
    return (
      <p className="notice notice-error" role="alert">
        {requestErrors(t, loadError)[0]?.message}
      </p>
    );
  }
  return (
    <form className="form" noValidate onSubmit={submit}>
      <SelectField
        id={ASSIGNEE_ID}
        label={t('cases.assign.to')}
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
        disabled={people === null}
      >
        <option value={NOBODY}>{t('cases.assign.nobodyOption')}</option>
        {people?.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </SelectField>
      <SubmitButton busy={busy} label={t('cases.assign.submit')} busyLabel={t('cases.working')} />
    </form>
  );
}
