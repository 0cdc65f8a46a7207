import { ROLES, type Role } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../forms/fields';
import { roleDescription, roleName } from '../../components/roles';

/** The roles of an account as a group of checkboxes; `idPrefix` names the first for errors. */
export function RoleCheckboxes({
  idPrefix,
  roles,
  onChange,
  error,
}: {
  idPrefix: string;
  roles: readonly Role[];
  onChange(roles: Role[]): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const errorId = `${idPrefix}-error`;

  function toggle(role: Role, checked: boolean) {
    onChange(
      ROLES.filter((candidate) => (candidate === role ? checked : roles.includes(candidate))),
    );
  }

  return (
    <fieldset
      className={error ? 'fieldset field-invalid' : 'fieldset'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{t('users.rolesLegend')}</legend>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {ROLES.map((role, index) => (
        <Checkbox
          key={role}
          id={index === 0 ? idPrefix : `${idPrefix}-${role}`}
          label={roleName(t, role)}
          hint={roleDescription(t, role)}
          checked={roles.includes(role)}
          onChange={(event) => toggle(role, event.target.checked)}
        />
      ))}
    </fieldset>
  );
}
