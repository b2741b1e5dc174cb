import { memberRoles } from '../../../shared/enums';
import type { ReportGroup, TripReport } from '../../../shared/report';
import { useT } from '../../i18n/useT';
import { useValueLabel } from './useValueLabel';

/** The group's figures in one line, the way a group's paragraph in the report starts. */
function GroupFigures({ group }: { group: ReportGroup }) {
  const t = useT();
  const items = [
    t('report.group.visits', { count: group.visits, hosts: group.hostsServed }),
    t('report.group.sessions', { count: group.activitySessions }),
    t('report.group.solved', { count: group.problemsSolved }),
    t('report.group.recommendations', { count: group.recommendations }),
    group.peopleTrained > 0 ? t('report.group.trained', { count: group.peopleTrained }) : '',
    group.beneficiaries > 0 ? t('report.group.beneficiaries', { count: group.beneficiaries }) : '',
    group.agreementsSigned > 0 ? t('report.group.agreements', { count: group.agreementsSigned }) : '',
  ].filter(Boolean);
  return <p className="report-group__figures">{items.join(t('report.list.sep'))}</p>;
}

/** The team, one block per group (as the trip's team screen groups it), each with what it achieved. */
export function GroupSections({ report }: { report: TripReport }) {
  const t = useT();
  const label = useValueLabel();
  if (report.team.length === 0) {
    return (
      <section className="report-section report-section--break" aria-labelledby="report-team">
        <h2 id="report-team">{t('report.section.team')}</h2>
        <p className="muted">{t('report.team.none')}</p>
      </section>
    );
  }
  const single = report.groups.length === 1;
  return (
    <section className="report-section report-section--break" aria-labelledby="report-team">
      <h2 id="report-team">{t('report.section.team')}</h2>
      <p className="report-lead">
        {/* Liaisons and technology managers are on the team but are not counted as experts. */}
        {report.figures.experts.members === report.team.length
          ? t('report.team.lead', { experts: report.team.length, groups: report.groups.length })
          : t('report.team.leadWithStaff', {
              members: report.team.length,
              experts: report.figures.experts.members,
              groups: report.groups.length,
            })}
      </p>
      {report.groups.map((group) => (
        <div key={group.group || '-'} className="report-group" data-testid="report-group">
          {single && group.group === '' ? null : <h3>{group.group || t('report.group.ungrouped')}</h3>}
          <GroupFigures group={group} />
          <table className="simple report-table report-table--team">
            <thead>
              <tr>
                <th scope="col">{t('report.col.name')}</th>
                <th scope="col">{t('report.col.role')}</th>
                <th scope="col">{t('report.col.title')}</th>
                <th scope="col">{t('report.col.affiliation')}</th>
                <th scope="col">{t('report.col.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {group.experts.map((e) => (
                <tr key={e.expertId}>
                  <th scope="row">{e.name}</th>
                  <td>{label(memberRoles, e.role)}</td>
                  <td>{e.title}</td>
                  <td>{e.affiliation}</td>
                  <td>{e.fields.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
