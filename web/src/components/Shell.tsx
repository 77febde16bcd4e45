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
import { IconChevronDown, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate, useParams, useRouterState } from '@tanstack/react-router';
import { roleLabels } from '../../../src/vocabulary/roles.ts';
import { accountApi } from '../features/account/api.ts';
import { guestPages, navigation } from '../nav.ts';
import type { Me } from '../session.ts';

export function Shell({ me }: { me: Me }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { org } = useParams({ strict: false }) as { org?: string };
  const current = me.organisations.find((o) => o.slug === org);
  const path = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const qc = useQueryClient();

  async function signOut() {
    await accountApi.signOut();
    qc.clear();
    await navigate({ to: '/sign-in' });
  }
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Open navigation" />
            <Text fw={700} c="teal.7">
              closeloop
            </Text>
            <Select
              aria-label="Organisation"
              size="xs"
              w={220}
              data={me.organisations.map((o) => ({ value: o.slug, label: o.name }))}
              value={current?.slug ?? null}
              onChange={(slug) => slug && navigate({ to: '/o/$org/members', params: { org: slug } })}
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
          {navigation.map((group) => {
            const items = current
              ? group.items.filter(
                  (i) => i.visible(current.role) && (!current.limited || guestPages.has(i.to)),
                )
              : [];
            if (items.length === 0) return null;
            return (
              <div key={group.label}>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
                  {group.label}
                </Text>
                {items.map((item) => {
                  const href = item.to.startsWith('//') ? item.to.slice(1) : `/o/${current?.slug}/${item.to}`;
                  return (
                    <NavLink
                      key={item.to}
                      label={item.label}
                      href={href}
                      active={path === href}
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
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
