import type { Role } from '@haven/shared';
import type { TFunction } from 'i18next';

/** A role's name in the reader's language. */
export function roleName(t: TFunction, role: Role): string {
  switch (role) {
    case 'officer':
      return t('roles.officer');
    case 'supervisor':
      return t('roles.supervisor');
    case 'auditor':
      return t('roles.auditor');
    case 'admin':
      return t('roles.admin');
  }
}

/** What a role lets its holder do, for the checkboxes that grant it. */
export function roleDescription(t: TFunction, role: Role): string {
  switch (role) {
    case 'officer':
      return t('roles.officerDescription');
    case 'supervisor':
      return t('roles.supervisorDescription');
    case 'auditor':
      return t('roles.auditorDescription');
    case 'admin':
      return t('roles.adminDescription');
  }
}

export function roleList(t: TFunction, roles: readonly Role[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(
    roles.map((role) => roleName(t, role)),
  );
}
