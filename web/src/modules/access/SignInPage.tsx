import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Container,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCalculator, IconInfoCircle, IconShieldHeart } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Footer } from '../../app/Footer.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { returnPathFrom } from '../../app/return-to.ts';
import { ROUTES } from '../../app/routes.ts';
import { prefetchHome, prefetchHomeData, takeSessionEndedMessage, useSignIn } from '../../app/session.tsx';
import { errorMessage } from '../../ui/ErrorAlert.tsx';
import { useAccessText } from './access-text.ts';

export function SignInPage() {
  const t = useAccessText();
  const navigate = useNavigate();
  const { search } = useLocation();
  const signIn = useSignIn();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  // Why the previous session ended ("sesi telah berakhir"), when the visitor was sent here by a 401.
  const [sessionEnded] = useState(() => takeSessionEndedMessage());

  useEffect(() => {
    document.title = `${t('signIn.submit')} · ${t('app.name')}`;
  }, [t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    signIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: ({ csrfToken: _csrf, ...me }) => {
          const next = returnPathFrom(search);
          if (next === ROUTES.home) prefetchHomeData(queryClient, me);
          navigate(next, { replace: true });
        },
      },
    );
  };

  const problem = missing ? t('signIn.required') : signIn.isError ? errorMessage(signIn.error, t) : null;

  return (
    <Box mih="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box
        component="header"
        px="md"
        py="sm"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" maw={1280} mx="auto">
          <Group gap={8} wrap="nowrap">
            <IconShieldHeart size={26} stroke={1.8} color="var(--mantine-color-teal-6)" aria-hidden />
            <Text fw={700} fz="lg" c="teal.8">
              {t('app.name')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </Box>

      <Box component="main" id="main" style={{ flex: 1 }} py={{ base: 'lg', sm: 48 }} px="md">
        <Container size={440} p={0}>
          <Stack gap="lg">
            <Stack gap={6} ta="center" align="center">
              <Title order={1}>{t('app.name')}</Title>
              <Text c="dimmed" maw={400}>
                {t('app.tagline')}
              </Text>
            </Stack>

            <Card withBorder shadow="sm" radius="md" padding="xl">
              <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
                <Stack gap="md">
                  <Title order={2} size="h4" id="sign-in-title">
                    {t('signIn.title')}
                  </Title>
                  {sessionEnded && !problem && (
                    <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
                      {sessionEnded}
                    </Alert>
                  )}
                  {problem && (
                    <Alert
                      color="red"
                      variant="light"
                      title={t('signIn.errorTitle')}
                      icon={<IconAlertCircle aria-hidden />}
                      role="alert"
                    >
                      {problem}
                    </Alert>
                  )}
                  <TextInput
                    label={t('signIn.username')}
                    name="username"
                    autoComplete="username"
                    autoCapitalize="none"
                    spellCheck={false}
                    autoFocus
                    required
                    withAsterisk={false}
                    value={username}
                    onChange={(e) => {
                      setUsername(e.currentTarget.value);
                      prefetchHome();
                    }}
                  />
                  <PasswordInput
                    label={t('signIn.password')}
                    name="password"
                    autoComplete="current-password"
                    required
                    withAsterisk={false}
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                  />
                  <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
                    {t('signIn.submit')}
                  </Button>
                  <Text size="xs" c="dimmed" ta="center">
                    {t('signIn.help')}
                  </Text>
                </Stack>
              </form>
            </Card>

            {/* The calculator is public: workers, employers and OPD staff without an account use it too. */}
            <Card withBorder radius="md" padding="md">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" aria-hidden>
                  <IconCalculator size={20} />
                </ThemeIcon>
                <div>
                  <Anchor component={Link} to={ROUTES.calculator} fw={600}>
                    {t('nav.calculator')}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t('signIn.calculatorBody')}
                  </Text>
                </div>
              </Group>
            </Card>
          </Stack>
        </Container>
      </Box>

      <Box bg="white">
        <Footer />
      </Box>
    </Box>
  );
}
