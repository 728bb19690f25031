// Server state of the contributions module: the public calculator (quote, cost, rules, benefits) and the admin
// rule editor. Every key carries the language because error messages (RULE_GAP …) come localised from the server.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CostRequest,
  CostResponse,
  QuoteRequest,
  QuoteResponse,
  RuleCreate,
  RuleCreated,
  RuleListQuery,
  RuleRow,
} from '../../../../lib/contracts/contributions.ts';
import type { BenefitSummary } from '../../../../lib/rules/benefits.ts';
import { api } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';

// Rule rows change rarely (an admin adds one); a quote for the same inputs is the same for minutes at least.
const STABLE = 5 * 60_000;

export function useQuote(body: QuoteRequest | null) {
  const [locale] = useLocale();
  return useQuery({
    queryKey: ['contributions', 'quote', locale, body],
    queryFn: ({ signal }) => api<QuoteResponse>('/api/contributions/quote', { method: 'POST', body, signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: STABLE,
  });
}

export function useCost(body: CostRequest | null) {
  const [locale] = useLocale();
  return useQuery({
    queryKey: ['contributions', 'cost', locale, body],
    queryFn: ({ signal }) => api<CostResponse>('/api/contributions/cost', { method: 'POST', body, signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: STABLE,
  });
}

export function useRules(query: RuleListQuery, options: { enabled?: boolean } = {}) {
  const [locale] = useLocale();
  return useQuery({
    queryKey: ['contributions', 'rules', locale, query],
    queryFn: ({ signal }) =>
      api<{ items: RuleRow[] }>('/api/contributions/rules', {
        query: { key: query.key, prefix: query.prefix, date: query.date },
        signal,
      }),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    staleTime: STABLE,
  });
}

export function useBenefits(wage: number | null) {
  return useQuery({
    queryKey: ['contributions', 'benefits', wage],
    queryFn: ({ signal }) =>
      api<BenefitSummary>('/api/contributions/benefits', { query: { wage: wage ?? undefined }, signal }),
    placeholderData: keepPreviousData,
    staleTime: STABLE,
  });
}

export function useAddRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleCreate) => api<RuleCreated>('/api/contributions/rules', { method: 'POST', body: input }),
    meta: { saved: true },
    // Every quote may change with a new row.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['contributions'] }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
