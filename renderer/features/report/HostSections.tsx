import { type ReactNode, useState } from 'react';
import {
  activityTypes,
  agreementKinds,
  agreementStatuses,
  hostKinds,
  needKinds,
  needStatuses,
  problemCategories,
  problemStatuses,
} from '../../../shared/enums';
import { REPORT_ACTIVITY_ORDER, type ReportHost, type TripReport } from '../../../shared/report';
import { Badge } from '../../components/layout';
import { useT } from '../../i18n/useT';
import { useValueLabel } from './useValueLabel';

/** Up to this many hosts the sections start open; a long trip starts folded so the page stays scannable. */
const OPEN_UP_TO = 6;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="report-host__part">
      <h4>{title}</h4>
      {children}
    </div>
  );
}

function HostBody({ host }: { host: ReportHost }) {
  const t = useT();
  const label = useValueLabel();
  const sep = t('report.list.sep');
  const activities = REPORT_ACTIVITY_ORDER.filter((type) => host.activities[type] > 0).map((type) =>
    t('report.host.activity', { label: label(activityTypes, type), count: host.activities[type] }),
  );
  const people = [
    host.peopleTrained > 0 ? t('report.group.trained', { count: host.peopleTrained }) : '',
    host.beneficiaries > 0 ? t('report.group.beneficiaries', { count: host.beneficiaries }) : '',
  ].filter(Boolean);
  return (
    <div className="report-host__body">
      <dl className="report-host__facts">
        {host.dates.length > 0 ? (
          <div>
            <dt>{t('report.host.dates')}</dt>
            <dd>{host.dates.join('、')}</dd>
          </div>
        ) : null}
        {host.expertNames.length > 0 ? (
          <div>
            <dt>{t('report.host.experts')}</dt>
            <dd>{host.expertNames.join('、')}</dd>
          </div>
        ) : null}
        {activities.length > 0 ? (
          <div>
            <dt>{t('report.host.activities')}</dt>
            <dd>{[...activities, ...people].join(sep)}</dd>
          </div>
        ) : null}
      </dl>
      {host.needs.length > 0 ? (
        <Part title={t('report.host.needs')}>
          <ul>
            {host.needs.map((n) => (
              <li key={n.id}>
                {n.title}
                <span className="muted">
                  {t('report.host.meta', {
                    text: [label(needKinds, n.kind), label(needStatuses, n.status)].join(sep),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
      {host.problems.length > 0 ? (
        <Part title={t('report.host.problems')}>
          <ul>
            {host.problems.map((p) => (
              <li key={p.id}>
                {p.category === 'hard' ? <Badge tone="warn">{label(problemCategories, 'hard')}</Badge> : null}{' '}
                {p.title}
                <span className="muted">
                  {t('report.host.meta', { text: label(problemStatuses, p.status) })}
                </span>
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
      {host.recommendations.length > 0 ? (
        <Part title={t('report.host.recommendations')}>
          <ul>
            {host.recommendations.map((r) => (
              <li key={r.id}>
                {r.text}
                {r.adopted ? <span className="muted">{t('report.host.adopted')}</span> : null}
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
      {host.agreements.length > 0 ? (
        <Part title={t('report.host.agreements')}>
          <ul>
            {host.agreements.map((a) => (
              <li key={a.id}>
                {a.title}
                <span className="muted">
                  {t('report.host.meta', {
                    text: [label(agreementKinds, a.kind), label(agreementStatuses, a.status)].join(sep),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
    </div>
  );
}

function HostTitle({ host, index }: { host: ReportHost; index: number }) {
  const t = useT();
  const label = useValueLabel();
  const meta = [label(hostKinds, host.kind), host.district, host.industry].filter(Boolean).join(' · ');
  return (
    <>
      <span className="report-host__name">
        {index + 1}. {host.name || t('report.host.unknown')}
      </span>
      {meta ? <span className="report-host__meta">{meta}</span> : null}
      <span className="report-host__count">
        {host.visits > 0 ? t('report.host.visits', { count: host.visits }) : t('report.host.notVisited')}
      </span>
    </>
  );
}

/**
 * What the trip did at each host. On screen every host folds (`<details>`, keyboard-operable by itself),
 * with "expand all / collapse all" for long trips; on paper everything is open.
 */
export function HostSections({ report, print }: { report: TripReport; print: boolean }) {
  const t = useT();
  const hosts = report.hosts;
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(hosts.length <= OPEN_UP_TO ? hosts.map((h) => h.hostId) : []),
  );
  const toggle = (hostId: string, isOpen: boolean) =>
    setOpen((prev) => {
      if (prev.has(hostId) === isOpen) return prev;
      const next = new Set(prev);
      if (isOpen) next.add(hostId);
      else next.delete(hostId);
      return next;
    });

  return (
    <section className="report-section report-section--break" aria-labelledby="report-hosts">
      <div className="report-section__head">
        <h2 id="report-hosts">{t('report.section.hosts')}</h2>
        {!print && hosts.length > 1 ? (
          <div className="report-section__actions">
            <button
              type="button"
              className="btn btn--small"
              onClick={() => setOpen(new Set(hosts.map((h) => h.hostId)))}
            >
              {t('report.hosts.expandAll')}
            </button>
            <button type="button" className="btn btn--small" onClick={() => setOpen(new Set())}>
              {t('report.hosts.collapseAll')}
            </button>
          </div>
        ) : null}
      </div>
      {hosts.length === 0 ? <p className="muted">{t('report.hosts.none')}</p> : null}
      {hosts.map((host, index) =>
        print ? (
          <section key={host.hostId} className="report-host" data-testid="report-host">
            <h3 className="report-host__title">
              <HostTitle host={host} index={index} />
            </h3>
            <HostBody host={host} />
          </section>
        ) : (
          <details
            key={host.hostId}
            className="report-host"
            data-testid="report-host"
            open={open.has(host.hostId)}
            onToggle={(e) => toggle(host.hostId, e.currentTarget.open)}
          >
            <summary className="report-host__title">
              <HostTitle host={host} index={index} />
            </summary>
            <HostBody host={host} />
          </details>
        ),
      )}
    </section>
  );
}
