import type { Rollup } from '../../../shared/report';
import type { T } from '../../i18n/useT';
import type { FigureCard } from './ReportFigures';

/**
 * The roll-up in the words of the multi-year reports (seed 000: "7年来，230名专家来自54家单位，服务117家
 * 单位…"): one sentence, clauses with a zero left out, and the same totals as figure cards.
 */

/** Clauses whose English needs a singular form; Chinese reads the same either way. */
type Clause =
  | 'trips'
  | 'experts'
  | 'institutions'
  | 'hosts'
  | 'projects'
  | 'talks'
  | 'solved'
  | 'hard'
  | 'outpatient'
  | 'surgery'
  | 'trained'
  | 'beneficiaries'
  | 'agreements'
  | 'appointed';

function clause(t: T, name: Clause, n: number, params: Record<string, string | number> = {}): string {
  const key: `report.rollup.s.${Clause}.${'one' | 'other'}` =
    n === 1 ? `report.rollup.s.${name}.one` : `report.rollup.s.${name}.other`;
  return t(key, { n, ...params });
}

/** Lectures, academic exchanges and seminars: what seed 000 calls "讲座与交流". */
export const talksOf = (r: Rollup) =>
  r.activities.lecture + r.activities.academic_exchange + r.activities.seminar;

/** "3次活动中，46名专家来自20家单位，服务30家单位，…" — the experts are the subject of every clause. */
export function rollupSentence(r: Rollup, t: T): string {
  if (r.trips.length === 0) return '';
  const head = clause(t, 'trips', r.trips.length);
  const subject =
    r.experts > 0
      ? clause(t, 'experts', r.experts, { from: clause(t, 'institutions', r.institutions) })
      : t('report.rollup.s.team');
  const optional = (name: Clause, n: number) => (n > 0 ? clause(t, name, n) : '');
  const body = [
    optional('hosts', r.hostsServed),
    optional('projects', r.projects),
    optional('talks', talksOf(r)),
    r.problemsSolved > 0
      ? clause(t, 'solved', r.problemsSolved) + optional('hard', r.hardProblemsSolved)
      : '',
    optional('outpatient', r.activities.outpatient),
    optional('surgery', r.activities.surgery_guidance),
    optional('trained', r.peopleTrained),
    optional('beneficiaries', r.beneficiaries),
    optional('agreements', r.agreementsSigned),
    optional('appointed', r.expertsAppointed),
  ].filter(Boolean);
  if (body.length === 0) return t('report.rollup.s.nothing', { head });
  return t('report.rollup.s.sentence', { head, subject, body: body.join(t('report.rollup.s.sep')) });
}

export function rollupCards(r: Rollup, t: T): FigureCard[] {
  const optional = (card: FigureCard): FigureCard[] => (card.value > 0 ? [card] : []);
  return [
    { id: 'trips', label: t('report.rollup.figure.trips'), value: r.trips.length },
    {
      id: 'experts',
      label: t('report.rollup.figure.experts'),
      value: r.experts,
      detail: t('report.rollup.figure.institutions', { count: r.institutions }),
    },
    { id: 'hosts-served', label: t('report.rollup.figure.hostsServed'), value: r.hostsServed },
    {
      id: 'projects-covered',
      label: t('report.rollup.figure.projects'),
      value: r.projectsCovered,
      of: { id: 'projects', value: r.projects },
    },
    { id: 'visits', label: t('report.rollup.figure.visits'), value: r.visits },
    {
      id: 'technical-guidance',
      label: t('report.rollup.figure.guidance'),
      value: r.activities.technical_guidance,
    },
    { id: 'talks', label: t('report.rollup.figure.talks'), value: talksOf(r) },
    {
      id: 'problems-solved',
      label: t('report.rollup.figure.solved'),
      value: r.problemsSolved,
      detail: t('report.rollup.figure.hard', { count: r.hardProblemsSolved }),
    },
    ...optional({
      id: 'outpatient',
      label: t('report.rollup.figure.outpatient'),
      value: r.activities.outpatient,
    }),
    ...optional({
      id: 'surgery',
      label: t('report.rollup.figure.surgery'),
      value: r.activities.surgery_guidance,
    }),
    { id: 'recommendations', label: t('report.rollup.figure.recommendations'), value: r.recommendations },
    { id: 'people-trained', label: t('report.rollup.figure.trained'), value: r.peopleTrained },
    { id: 'beneficiaries', label: t('report.rollup.figure.beneficiaries'), value: r.beneficiaries },
    { id: 'agreements', label: t('report.rollup.figure.agreements'), value: r.agreementsSigned },
    ...optional({
      id: 'experts-appointed',
      label: t('report.rollup.figure.appointed'),
      value: r.expertsAppointed,
    }),
  ];
}
