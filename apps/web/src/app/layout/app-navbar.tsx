import { NavLink, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link, useLocation } from 'react-router';
import { common, type CommonKey } from '../../i18n/common-messages';
import { useT } from '../../i18n/i18n-context';
import { navFor, SECTION_ORDER, type NavItem, type NavSection } from '../nav';
import { rolesHeld, useSession } from '../session';
import { trialPath } from '../trial';

const sectionLabel: Record<NavSection, CommonKey> = {
  trial: 'navSectionTrial',
  data: 'navSectionData',
  monitoring: 'navSectionMonitoring',
  committee: 'navSectionCommittee',
  admin: 'navSectionAdmin',
  account: 'navSectionAccount',
};

function hrefOf(item: NavItem, trialId: string | null): string | null {
  if (item.scope === 'global') return `/${item.path}`;
  return trialId ? trialPath(trialId, item.path) : null;
}

export function AppNavbar({ trialId, onNavigate }: { trialId: string | null; onNavigate: () => void }) {
  const t = useT(common);
  const user = useSession();
  const items = navFor({ trialRole: user.role, held: rolesHeld(user) }, user.mustChangePassword);
  const { pathname } = useLocation();
  return (
    <Stack gap="lg" p="sm">
      {SECTION_ORDER.map((section) => {
        const inSection = items.filter((item) => item.section === section);
        if (inSection.length === 0) return null;
        const headingId = `nav-section-${section}`;
        return (
          <Fragment key={section}>
            <Stack gap={2} role="group" aria-labelledby={headingId}>
              <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                {t(sectionLabel[section])}
              </Text>
              {inSection.map((item) => {
                const href = hrefOf(item, trialId);
                if (!href) return null;
                const active = pathname === href || (item.path !== '' && pathname.startsWith(`${href}/`));
                return (
                  <NavLink
                    key={`${item.scope}:${item.path}`}
                    component={Link}
                    to={href}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    label={t(item.labelKey)}
                    onClick={onNavigate}
                    styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
                  />
                );
              })}
            </Stack>
          </Fragment>
        );
      })}
    </Stack>
  );
}
