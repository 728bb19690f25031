import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  Paper,
  PasswordInput,
  Radio,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { canGrantRole, ROLES, type Role } from '../../../../lib/access/roles.ts';
import type { User, UserUpdate } from '../../../../lib/contracts/access.ts';
import { LOCALES, type Locale } from '../../../../lib/i18n/locale.ts';
import { fieldErrors } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { useCreateUser, useUpdateUser, useUser } from './access-api.ts';
import { UserStatusBadge } from './UserStatusBadge.tsx';
import { useAccessText } from './access-text.ts';

type Values = {
  username: string;
  displayName: string;
  password: string;
  role: Role | null;
  region: string;
  locale: Locale;
  active: boolean;
};

type FieldName = keyof Values;

function BackToUsers() {
  const t = useAccessText();
  return (
    <Anchor component={Link} to={ROUTES.users} size="sm" w="fit-content">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('nav.users')}
      </Group>
    </Anchor>
  );
}

type UserFormProps = {
  mode: 'create' | 'edit';
  initial: Values;
  pending: boolean;
  error: unknown;
  onSubmit: (values: Values) => void;
  /** Shown instead of submitting when nothing changed (edit). */
  notice?: string | null;
  /** Roles allowed to be kept although not grantable (the user's current one). */
  keepRole?: Role;
};

function UserForm({ mode, initial, pending, error, onSubmit, notice, keepRole }: UserFormProps) {
  const t = useAccessText();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(initial);
  const [missing, setMissing] = useState<Partial<Record<FieldName, boolean>>>({});
  const set = <K extends FieldName>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const serverErrors = fieldErrors<FieldName>(error);
  const fieldError = (key: FieldName) => (missing[key] ? t('userForm.required') : serverErrors[key]);

  const roles = ROLES.filter((r) => canGrantRole(me.role, r) || r === keepRole);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required: FieldName[] =
      mode === 'create' ? ['username', 'displayName', 'password', 'role'] : ['displayName', 'role'];
    const empty = Object.fromEntries(required.filter((k) => !String(values[k] ?? '').trim()).map((k) => [k, true]));
    setMissing(empty);
    if (Object.keys(empty).length > 0) return;
    onSubmit(values);
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={820}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xl">
          <Fieldset legend={t('userForm.account')} variant="unstyled">
            <Stack gap="md">
              {mode === 'create' && (
                <TextInput
                  label={t('userForm.username')}
                  description={t('userForm.usernameHint')}
                  name="username"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  withAsterisk={false}
                  value={values.username}
                  onChange={(e) => set('username', e.currentTarget.value)}
                  error={fieldError('username')}
                />
              )}
              <TextInput
                label={t('userForm.displayName')}
                name="displayName"
                autoComplete="off"
                required
                withAsterisk={false}
                value={values.displayName}
                onChange={(e) => set('displayName', e.currentTarget.value)}
                error={fieldError('displayName')}
              />
              <PasswordInput
                label={mode === 'create' ? t('userForm.password') : t('userForm.newPassword')}
                description={mode === 'create' ? t('userForm.passwordHint') : t('userForm.newPasswordHint')}
                name="password"
                autoComplete="new-password"
                required={mode === 'create'}
                withAsterisk={false}
                value={values.password}
                onChange={(e) => set('password', e.currentTarget.value)}
                error={fieldError('password')}
              />
              <Radio.Group
                label={t('userForm.language')}
                value={values.locale}
                onChange={(v) => set('locale', v as Locale)}
                error={fieldError('locale')}
              >
                <Group gap="lg" mt={6}>
                  {LOCALES.map((l) => (
                    <Radio key={l} value={l} label={t(`lang.${l}`)} />
                  ))}
                </Group>
              </Radio.Group>
              {mode === 'edit' && (
                <Switch
                  label={t('userForm.active')}
                  description={t('userForm.activeHint')}
                  checked={values.active}
                  onChange={(e) => set('active', e.currentTarget.checked)}
                />
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('userForm.access')} variant="unstyled">
            <Stack gap="lg">
              <LabelledSelect
                label={t('userForm.role')}
                description={t('userForm.roleHint')}
                data={roles.map((r) => ({ value: r, label: t(`role.${r}`), disabled: !canGrantRole(me.role, r) }))}
                value={values.role}
                onChange={(v) => set('role', (v as Role | null) ?? null)}
                required
                withAsterisk={false}
                searchable
                selectFirstOptionOnChange
                allowDeselect={false}
                error={fieldError('role')}
              />
              <RegionPicker
                scope={me.region}
                value={values.region}
                onChange={(code) => set('region', code)}
                error={fieldError('region')}
              />
            </Stack>
          </Fieldset>

          {notice && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
              {notice}
            </Alert>
          )}
          {error ? <ErrorAlert error={error} title={t('userForm.errorTitle')} /> : null}

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => navigate(ROUTES.users)}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {mode === 'create' ? t('userForm.create') : t('userForm.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function UserCreatePage() {
  const t = useAccessText();
  const me = useCurrentUser();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const create = useCreateUser();

  const initial: Values = {
    username: '',
    displayName: '',
    password: '',
    role: null,
    region: me.region,
    locale,
    active: true,
  };

  return (
    <>
      <PageHeader
        title={t('userForm.createTitle')}
        description={t('userForm.createDescription')}
        above={<BackToUsers />}
      />
      <UserForm
        mode="create"
        initial={initial}
        pending={create.isPending}
        error={create.error}
        onSubmit={(v) =>
          create.mutate(
            {
              username: v.username.trim(),
              displayName: v.displayName.trim(),
              password: v.password,
              role: v.role as Role,
              region: v.region,
              locale: v.locale,
            },
            {
              onSuccess: (user) => {
                notifications.show({ color: 'teal', message: t('users.created', { username: user.username }) });
                navigate(ROUTES.users);
              },
            },
          )
        }
      />
    </>
  );
}

export function UserEditPage() {
  const t = useAccessText();
  const [locale] = useLocale();
  const { id = '' } = useParams();
  const user = useUser(id);

  if (user.isPending) return <PageLoader />;
  if (user.isError) {
    return (
      <>
        <PageHeader title={t('users.edit')} above={<BackToUsers />} />
        <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />
      </>
    );
  }
  const u = user.data;
  return (
    <>
      <PageHeader
        title={t('userForm.editTitle', { username: u.username })}
        description={
          <>
            {t('userForm.editDescription')} {t('userForm.createdAt', { date: formatDate(u.createdAt, locale) })}
          </>
        }
        above={<BackToUsers />}
        actions={<UserStatusBadge user={u} />}
      />
      {/* Keyed by the loaded version so a refetch after saving starts from the server's values. */}
      <EditForm key={`${u.id}:${u.role}:${u.region}:${u.displayName}:${u.active}:${u.locale}`} user={u} />
    </>
  );
}

function EditForm({ user }: { user: User }) {
  const t = useAccessText();
  const navigate = useNavigate();
  const update = useUpdateUser(user.id);
  const [notice, setNotice] = useState<string | null>(null);

  const initial: Values = {
    username: user.username,
    displayName: user.displayName,
    password: '',
    role: user.role,
    region: user.region,
    locale: user.locale,
    active: user.active,
  };

  return (
    <UserForm
      mode="edit"
      initial={initial}
      keepRole={user.role}
      pending={update.isPending}
      error={update.error}
      notice={notice}
      onSubmit={(v) => {
        const patch: UserUpdate = {
          ...(v.displayName.trim() !== user.displayName && { displayName: v.displayName.trim() }),
          ...(v.role && v.role !== user.role && { role: v.role }),
          ...(v.region !== user.region && { region: v.region }),
          ...(v.locale !== user.locale && { locale: v.locale }),
          ...(v.active !== user.active && { active: v.active }),
          ...(v.password && { password: v.password }),
        };
        if (Object.keys(patch).length === 0) {
          setNotice(t('userForm.noChanges'));
          return;
        }
        setNotice(null);
        update.mutate(patch, {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: t('users.updated', { username: saved.username }) });
            navigate(ROUTES.users);
          },
        });
      }}
    />
  );
}
