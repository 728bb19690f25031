// The calculator's benefits card: what the chosen programmes pay out (JKK, JKM, JHT, JP), from lib/rules/benefits.ts.
import { Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { BenefitSummary } from '../../../../lib/rules/benefits.ts';
import { useLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatRupiah } from '../../ui/format.ts';
import { type CalculatorForm } from './calculator-form.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useContributionsText, type ContributionsT } from './contributions-text.ts';

export function UncertainMark() {
  const t = useContributionsText();
  return (
    <Badge
      size="xs"
      color="yellow"
      variant="light"
      tt="none"
      leftSection={<IconAlertTriangle size={11} aria-hidden />}
      style={{ verticalAlign: 'middle' }}
    >
      {t('rules.uncertain')}
    </Badge>
  );
}
const JKK_SHORT_LIST = 5;

export function Benefits({
  benefits,
  error,
  form,
  wage,
}: {
  benefits: BenefitSummary | undefined;
  error: unknown;
  form: CalculatorForm;
  wage: number | null;
}) {
  const t = useContributionsText();
  const [locale] = useLocale();
  const [showAll, setShowAll] = useState(false);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="calc-benefits">
      <Title order={2} size="h4" id="calc-benefits">
        {t('calc.benefits.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {wage ? t('calc.benefits.forWage', { wage: formatRupiah(wage) }) : t('calc.benefits.noWage')}
        {form.category === 'pmi' ? ` ${t('calc.benefits.pmiNote')}` : ''}
      </Text>
      {error && !benefits ? <ErrorAlert error={error} /> : null}
      <Stack gap="lg">
        {benefits?.programs.map((program) => {
          const items = program.program === 'jkk' && !showAll ? program.items.slice(0, JKK_SHORT_LIST) : program.items;
          const headingId = `calc-benefits-${program.program}`;
          return (
            <Box key={program.program}>
              <Group justify="space-between" align="baseline" gap="xs">
                <Title order={3} size="h5" id={headingId}>
                  {program.title[locale]}
                </Title>
                {program.cashTotal > 0 && (
                  <Text size="sm" fw={600}>
                    {t('calc.benefits.cashTotal', { amount: formatRupiah(program.cashTotal) })}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed" mb={4}>
                {t('calc.benefits.basis', { basis: program.citation })}
              </Text>
              <TableScroll label={program.title[locale]} minWidth={560}>
                <Table aria-labelledby={headingId} verticalSpacing="xs" fz="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('calc.benefits.col.item')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('calc.benefits.col.amount')}
                      </Table.Th>
                      <Table.Th scope="col">{t('calc.benefits.col.rule')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => (
                      <Table.Tr key={item.key}>
                        <Table.Td fw={600}>{item.label[locale]}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {benefitAmount(item, t)}
                        </Table.Td>
                        <Table.Td>
                          {item.rule[locale]} {item.certainty === 'uncertain' && <UncertainMark />}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              {program.program === 'jkk' && program.items.length > JKK_SHORT_LIST && (
                <Button variant="subtle" size="xs" mt={4} onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
                  {showAll ? t('calc.benefits.showLess') : t('calc.benefits.showAll', { count: program.items.length })}
                </Button>
              )}
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}

function benefitAmount(item: BenefitSummary['programs'][number]['items'][number], t: ContributionsT): string {
  if (item.amountForWage !== null) return formatRupiah(item.amountForWage);
  if (item.amount !== null) return formatRupiah(item.amount);
  if (item.maxAmount !== null) return t('calc.benefits.max', { amount: formatRupiah(item.maxAmount) });
  if (item.wageMultiple !== null) return t('calc.benefits.multiple', { n: item.wageMultiple });
  return t('ui.none');
}
