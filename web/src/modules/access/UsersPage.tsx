import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconSearch, IconUserCheck, IconUserOff, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { canGrantRole, ROLES, type Role } from '../../../../lib/access/roles.ts';
import type { User } from '../../../../lib/contracts/access.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { DebouncedTextInput } from '../../ui/DebouncedTextInput.tsx';
import { EmptyState, NoMatchState } from '../../ui/EmptyState.tsx';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { USERS_PAGE_SIZE, useSetUserActive, useUsers } from './access-api.ts';
import { UserStatusBadge } from './UserStatusBadge.tsx';
import { useAccessText } from './access-text.ts';

const FILTER_KEYS = ['q', 'role', 'active'] as const;

export function UsersPage() {
  const t = useAccessText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters(FILTER_KEYS);
  const role = (ROLES as readonly string[]).includes(values.role) ? (values.role as Role) : '';
  const active = values.active === 'true' || values.active === 'false' ? values.active : '';
  const users = useUsers({ q: values.q, role, active, page });
  const setActive = useSetUserActive();
  const [confirming, setConfirming] = useState<User | null>(null);

  const mayManage = (u: User) => canGrantRole(me.role, u.role);
  const isSelf = (u: User) => u.username === me.username;

  const activate = (u: User) =>
    setActive.mutate(
      { id: u.id, active: true },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('users.activated', { username: u.username }) }),
        onError: (err) =>
          notifications.show({ color: 'red', title: t('ui.errorTitle'), message: errorMessage(err, t) }),
      },
    );

  const deactivate = (u: User) =>
    setActive.mutate(
      { id: u.id, active: false },
      {
        onSuccess: () => {
          setConfirming(null);
          notifications.show({ color: 'teal', message: t('users.deactivated', { username: u.username }) });
        },
      },
    );

  const columns: Column<User>[] = [
    {
      key: 'username',
      header: t('users.col.username'),
      nowrap: true,
      cell: (u) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {u.username}
          </Text>
          {isSelf(u) && (
            <Badge size="xs" variant="outline" color="gray" tt="none" style={{ flex: 'none', overflow: 'visible' }}>
              {t('users.you')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'name', header: t('users.col.name'), cell: (u) => u.displayName },
    { key: 'role', header: t('users.col.role'), cell: (u) => t(`role.${u.role}`) },
    { key: 'region', header: t('users.col.region'), cell: (u) => u.regionLabel },
    {
      key: 'status',
      header: t('users.col.status'),
      nowrap: true,
      cell: (u) => (
        <UserStatusBadge
          user={u}
          lockedTitle={
            u.lockedUntil ? t('users.lockedUntil', { time: formatDateTime(u.lockedUntil, locale) }) : undefined
          }
        />
      ),
    },
    {
      key: 'actions',
      header: t('users.col.actions'),
      nowrap: true,
      cell: (u) => {
        const allowed = mayManage(u);
        const actions = (
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPencil size={14} aria-hidden />}
              aria-label={t('users.editAria', { username: u.username })}
              disabled={!allowed}
              onClick={() => navigate(ROUTES.userEdit(u.id))}
            >
              {t('users.edit')}
            </Button>
            {u.active ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconUserOff size={14} aria-hidden />}
                aria-label={t('users.deactivateAria', { username: u.username })}
                disabled={!allowed || isSelf(u)}
                onClick={() => {
                  setActive.reset();
                  setConfirming(u);
                }}
              >
                {t('users.deactivate')}
              </Button>
            ) : (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconUserCheck size={14} aria-hidden />}
                aria-label={t('users.activateAria', { username: u.username })}
                disabled={!allowed}
                loading={setActive.isPending && setActive.variables?.id === u.id}
                onClick={() => activate(u)}
              >
                {t('users.activate')}
              </Button>
            )}
          </Group>
        );
        return allowed ? actions : <Tooltip label={t('users.notYours')}>{<span>{actions}</span>}</Tooltip>;
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description', { region: me.regionLabel })}
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => navigate(ROUTES.userCreate)}>
            {t('users.add')}
          </Button>
        }
      />

      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="sm">
            <DebouncedTextInput
              label={t('users.search')}
              placeholder={t('users.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={values.q}
              onCommit={(q) => setFilters({ q })}
            />
            <LabelledSelect
              label={t('users.filterRole')}
              data={[
                { value: '', label: t('users.allRoles') },
                ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
              ]}
              value={role}
              onChange={(v) => setFilters({ role: v ?? '' })}
              allowDeselect={false}
            />
            <LabelledSelect
              label={t('users.filterStatus')}
              data={[
                { value: '', label: t('users.allStatuses') },
                { value: 'true', label: t('users.status.active') },
                { value: 'false', label: t('users.status.inactive') },
              ]}
              value={active}
              onChange={(v) => setFilters({ active: v ?? '' })}
              allowDeselect={false}
            />
          </SimpleGrid>

          <DataTable
            label={t('users.table')}
            columns={columns}
            rows={users.data?.items}
            rowKey={(u) => u.id}
            total={users.data?.total}
            page={page}
            pageSize={USERS_PAGE_SIZE}
            onPageChange={setPage}
            {...queryState(users)}
            minWidth={820}
            empty={
              filtered ? (
                <NoMatchState
                  title={t('users.emptyFiltered.title')}
                  body={t('users.emptyFiltered.body')}
                  onClear={clear}
                />
              ) : (
                <EmptyState
                  icon={<IconUsers size={26} stroke={1.5} />}
                  title={t('users.empty.title')}
                  body={t('users.empty.body')}
                  action={
                    <Button
                      leftSection={<IconUserPlus size={16} aria-hidden />}
                      onClick={() => navigate(ROUTES.userCreate)}
                    >
                      {t('users.add')}
                    </Button>
                  }
                />
              )
            }
          />
        </Stack>
      </Paper>

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('users.confirm.title')}
        centered
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        {confirming && (
          <Stack gap="md">
            <Text size="sm">
              {t('users.confirm.body', { name: confirming.displayName, username: confirming.username })}
            </Text>
            {setActive.isError && <ErrorAlert error={setActive.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
                {t('app.cancel')}
              </Button>
              <Button color="red" loading={setActive.isPending} onClick={() => deactivate(confirming)}>
                {t('users.confirm.submit')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
