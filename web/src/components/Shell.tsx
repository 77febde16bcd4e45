import {
  AppShell,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ModalsProvider } from '@mantine/modals';
import { IconChevronDown, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate, useParams, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { roleLabels } from '../../../src/vocabulary/roles.ts';
import { accountApi } from '../features/account/api.ts';
import { landingPage, visibleNavigation } from '../nav.ts';
import { pathAtLoad } from '../page-load.ts';
import type { Me } from '../session.ts';

export function Shell({ me }: { me: Me }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { org } = useParams({ strict: false }) as { org?: string };
  const current = me.organisations.find((o) => o.slug === org);
  const path = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const qc = useQueryClient();

  useFocusOnNavigation(path);

  async function signOut() {
    await accountApi.signOut();
    qc.clear();
    await navigate({ to: '/sign-in' });
  }
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'xs', sm: 'md' }}
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Open navigation" />
            <Text fw={700} c="teal.9">
              closeloop
            </Text>
            <Select
              aria-label="Organisation"
              size="xs"
              w={{ base: 130, xs: 220 }}
              data={me.organisations.map((o) => ({ value: o.slug, label: o.name }))}
              value={current?.slug ?? null}
              onChange={(slug) => {
                const to = me.organisations.find((o) => o.slug === slug);
                if (to) void navigate({ to: `/o/${to.slug}/${landingPage(to.role, to.limited)}` });
              }}
              allowDeselect={false}
            />
          </Group>
          <Menu position="bottom-end">
            <Menu.Target>
              <UnstyledButton aria-label="Account menu">
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" visibleFrom="xs">
                    {me.user.name}
                  </Text>
                  <IconChevronDown size={14} />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{me.user.email}</Menu.Label>
              {current && (
                <Menu.Item
                  leftSection={<IconShieldLock size={14} />}
                  onClick={() => navigate({ to: '/o/$org/settings', params: { org: current.slug } })}
                >
                  Account security
                </Menu.Item>
              )}
              <Menu.Item leftSection={<IconLogout size={14} />} onClick={signOut}>
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          {current && (
            <Text size="xs" c="dimmed" px="sm" py={4}>
              {roleLabels[current.role]}
            </Text>
          )}
          {(current ? visibleNavigation(current.role, current.limited, me.operator) : []).map((group) => {
            return (
              <div key={group.label}>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
                  {group.label}
                </Text>
                {group.items.map((item) => {
                  const href = item.to.startsWith('//') ? item.to.slice(1) : `/o/${current?.slug}/${item.to}`;
                  return (
                    <NavLink
                      key={item.to}
                      label={item.label}
                      href={href}
                      active={path === href}
                      aria-current={path === href ? 'page' : undefined}
                      leftSection={<item.icon size={16} />}
                      onClick={(e) => {
                        e.preventDefault();
                        close();
                        void navigate({ to: href });
                      }}
                    />
                  );
                })}
              </div>
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {/* Confirmations are asked only inside the signed-in app: the provider (and the modal's focus trap
            and scroll lock) stays out of the sign-in and trust pages' first download (#16). */}
        <ModalsProvider>
          <Outlet />
        </ModalsProvider>
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * After a route change, focus goes to the page's main heading (or the main region), as a screen reader
 * user expects from a new page (WCAG 2.4.3); it would otherwise stay on the link just used, or on BODY.
 */
function useFocusOnNavigation(path: string) {
  const first = useRef(true);
  useEffect(() => {
    // A page loaded from its address starts at the top (the skip link is the first Tab stop); arriving
    // from another page of the app (sign-in included) is a navigation.
    const loaded = first.current && path === pathAtLoad;
    first.current = false;
    if (loaded) return;
    // The page's code may still be loading (route-level code splitting, #16) while the previous page's
    // heading is on screen: each new heading that appears within the window takes focus, until the user
    // moves focus themselves.
    let tries = 0;
    let focused: HTMLElement | null = null;
    const focus = (target: HTMLElement) => {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
      focused = target;
    };
    const timer = window.setInterval(() => {
      const main = document.getElementById('main');
      const heading = main?.querySelector<HTMLElement>('h1') ?? null;
      const active = document.activeElement;
      const userMoved = focused !== null && active !== focused && active !== document.body;
      tries += 1;
      if (userMoved || tries >= 100) {
        window.clearInterval(timer);
        if (!focused && !userMoved && main) focus(heading ?? main);
        return;
      }
      if (heading && heading !== focused) focus(heading);
    }, 50);
    return () => window.clearInterval(timer);
  }, [path]);
}
