import { NavLink, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { outcomesOpenTo, type OutcomeVisibility, type Role } from '@trialdesk/domain';
import { Fragment } from 'react';
import { Link, useLocation } from 'react-router';
import { common, type CommonKey } from '../../i18n/common-messages';
import { useT } from '../../i18n/i18n-context';
import { navFor, SECTION_ORDER, type NavItem, type NavSection } from '../nav';
import { useTRPC } from '../../lib/trpc';
import { actorIn, rolesHeld, useAccount } from '../session';
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

// The menu must survive whatever the page on screen receives: when a page fails on an unreadable trial
// answer, the error page keeps the navigation (issue 10), so an answer the menu cannot read closes the
// outcome entry instead of taking the whole layout down with it.
function outcomesOpenIn(
  trial: { definition: { outcomeVisibility: OutcomeVisibility } },
  role: Role,
): boolean {
  try {
    return outcomesOpenTo(trial.definition.outcomeVisibility, role);
  } catch {
    return false;
  }
}

export function AppNavbar({ trialId, onNavigate }: { trialId: string | null; onNavigate: () => void }) {
  const t = useT(common);
  const trpc = useTRPC();
  const user = useAccount();
  // The trial entries link to `trialId` (the one on screen, else the one last opened): the role there,
  // and that trial's outcome visibility, decide which of them show.
  const trialRole = trialId === null ? user.role : actorIn(user, trialId).role;
  const trial = useQuery({
    ...trpc.trials.get.queryOptions({ trialId: trialId ?? '' }),
    enabled: trialId !== null && !user.mustChangePassword,
  });
  const outcomesOpen = trial.data !== undefined && outcomesOpenIn(trial.data, trialRole);
  const items = navFor({ trialRole, outcomesOpen, held: rolesHeld(user) }, user.mustChangePassword);
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
