import type { Permission } from '@haven/shared';
import type { TFunction } from 'i18next';

export interface ConsoleSection {
  path: string;
  /** Its name in the navigation and on the home page. */
  title: string;
  description: string;
  /** Who sees it offered: `null` for everyone signed in. The server checks again. */
  permission: Permission | null;
}

/** The console's sections, in the order the navigation offers them. */
export function consoleSections(t: TFunction): ConsoleSection[] {
  return [
    {
      path: '/cases',
      title: t('nav.cases'),
      description: t('home.casesDescription'),
      permission: 'case.read',
    },
    {
      path: '/admin/users',
      title: t('nav.users'),
      description: t('home.usersDescription'),
      permission: 'users.manage',
    },
    {
      path: '/admin/settings',
      title: t('nav.settings'),
      description: t('home.settingsDescription'),
      permission: 'settings.manage',
    },
    {
      path: '/stats',
      title: t('nav.stats'),
      description: t('home.statsDescription'),
      permission: 'stats.read',
    },
    {
      path: '/audit',
      title: t('nav.audit'),
      description: t('home.auditDescription'),
      permission: 'audit.read',
    },
    {
      path: '/account',
      title: t('nav.account'),
      description: t('home.accountDescription'),
      permission: null,
    },
  ];
}
