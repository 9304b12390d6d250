import { Fragment, type ReactNode } from 'react';
import { formatDateBE } from '../../../../shared/domain/dates';
import {
  attendanceCounts,
  budgetInYears,
  fundingByColumn,
  inLocalPlan,
  minRankedPerIssue,
  planYears,
  projectTotal,
  type Office,
  type Project,
} from '../../../../shared/domain/forum';
import {
  areaLineTh,
  bahtTh,
  fewRankedTh,
  fundingGroupHeading,
  issueTitleTh,
  p02After,
  p02Before,
  p02BudgetHeading,
  pcsHeadings,
  planTitleTh,
  printTh,
  projectHeadings,
  registerHeadings,
  roleTh,
  villageShortTh,
} from '../../../../shared/domain/forumForms';
import { rankProjects } from '../../../../shared/domain/ranking';
import './print.css';
import { useCall } from '../../../api/queries';

/** The sheets the print views make: the four forms and the forum's own papers. */
export const printForms = ['pcs', 'projects', 'p02', 'register', 'signin', 'groups', 'agenda'] as const;
/** One of {@link printForms}. */
export type PrintForm = (typeof printForms)[number];

/** The forms that print on A4 portrait (the rest are landscape tables). */
const portrait: ReadonlySet<PrintForm> = new Set(['signin', 'groups', 'agenda']);

/**
 * A print view of the forum's forms, laid out for A4 (landscape for the tables): each issue on a
 * page of its own, table headers repeated on every page (thead), rows never split across pages,
 * the bundled Sarabun font, black on white. The same document prints from the app (the browser's
 * print, or save as PDF) and, after the print port is merged, is what printToPDF renders.
 * Its wording is the forms' own (shared/domain/forumForms.ts), Thai whatever the UI language.
 */
export function PrintDocument({ form }: { form: PrintForm }) {
  const summary = useCall('workspace.current', {}).data;
  const issues = useCall('forum.issues.list', {}).data;
  const villages = useCall('villages.list', {}).data;
  const pcs = useCall('forum.pcs.list', {}).data;
  const projects = useCall('forum.projects.list', {}).data;
  const decisions = useCall('forum.decisions.list', {}).data;
  const settings = useCall('forum.settings.get', {}).data;
  const participants = useCall('forum.participants.list', {}).data;
  const record = useCall('forum.record.get', {}).data;
  if (!summary || !issues || !villages || !pcs || !projects || !decisions || !settings || !participants || !record) {
    return <p className="print-loading">…</p>;
  }
  const host = settings.offices.find((o) => o.isHost) ?? settings.offices[0]!;
  const area = areaLineTh({ nameTh: summary.tambon.nameTh, districtNameTh: summary.tambon.districtNameTh, provinceNameTh: summary.tambon.provinceNameTh });
  const byVillage = new Map(villages.map((v) => [v.id, v]));
  const villageNames = (ids: readonly string[]) =>
    ids
      .map((id) => byVillage.get(id))
      .filter((v) => v !== undefined)
      .sort((a, b) => a.moo - b.moo)
      .map(villageShortTh);
  const forumLine = [
    printTh.forum,
    record.heldOn ? `${printTh.date} ${formatDateBE(`${record.heldOn}T12:00:00`, 'th')}` : '',
    record.place ? `ณ ${record.place}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const years = planYears(settings.plan);

  /** An issue's projects in rank order, the unranked after, with each one's rank text. */
  const ranked = (issueId: string) => {
    const list = projects.filter((p) => p.issueId === issueId);
    const ranking = rankProjects(
      list,
      decisions.filter((d) => d.issueId === issueId && d.kind === 'tie-break'),
    );
    const byId = new Map(list.map((p) => [p.id, p]));
    return {
      ranking,
      rows: [
        ...ranking.ranked.map((r) => ({ project: byId.get(r.id)!, rank: r.undecided ? `${r.rank}=` : String(r.rank) })),
        ...ranking.unranked.map((id) => ({ project: byId.get(id)!, rank: '' })),
      ],
    };
  };

  /** Form ผ.02 of one office. */
  const p02 = (office: Office): ReactNode => {
    const sections = issues
      .map((issue) => ({ issue, list: ranked(issue.id).rows.map((r) => r.project).filter((p) => inLocalPlan(p, office, settings.funders)) }))
      .filter((s) => s.list.length > 0);
    const sumYears = (list: readonly Project[]) => years.map((y) => list.reduce((a, p) => a + (budgetInYears(p, [y])[y] ?? 0), 0));
    const width = p02Before.length + years.length + p02After.length;
    return (
      <section className="print-page">
        <header className="print-head">
          <h1>{printTh.p02Title}</h1>
          <h2>{planTitleTh(settings.plan)}</h2>
          <p>
            สำหรับ {office.name} {area.replace(/^ตำบล\S+ /, '')}
          </p>
        </header>
        <table className="print-table print-p02">
          <thead>
            <tr>
              {p02Before.map((h) => (
                <th key={h} rowSpan={3}>
                  {h}
                </th>
              ))}
              <th colSpan={years.length}>{p02BudgetHeading}</th>
              {p02After.map((h) => (
                <th key={h} rowSpan={3}>
                  {h}
                </th>
              ))}
            </tr>
            <tr>
              {years.map((y) => (
                <th key={y}>{y}</th>
              ))}
            </tr>
            <tr>
              {years.map((y) => (
                <th key={y}>(บาท)</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sections.length === 0 && (
              <tr>
                <td colSpan={width} className="print-none">
                  {printTh.noRows}
                </td>
              </tr>
            )}
            {sections.flatMap(({ issue, list }) => {
              const plans = [...new Set(list.map((p) => p.workPlan ?? ''))];
              return [
                <tr key={`${issue.id}-band`} className="print-band">
                  <td colSpan={width}>
                    ยุทธศาสตร์ที่ {issue.no} {issue.nameTh}
                  </td>
                </tr>,
                ...plans.flatMap((plan, w) => {
                  const inPlan = list.filter((p) => (p.workPlan ?? '') === plan);
                  return [
                    <tr key={`${issue.id}-${w}`} className="print-band print-band-light">
                      <td colSpan={width}>
                        {issue.no}.{w + 1} {plan ? (plan.startsWith('แผนงาน') ? plan : `แผนงาน${plan}`) : 'แผนงาน (ไม่ได้ระบุ)'}
                      </td>
                    </tr>,
                    ...inPlan.map((p, i) => {
                      const amounts = budgetInYears(p, years);
                      return (
                        <tr key={p.id}>
                          <td className="print-no">{i + 1}</td>
                          <td>{p.name}</td>
                          <td>{p.objective}</td>
                          <td>{p.target}</td>
                          {years.map((y) => (
                            <td key={y} className="print-num">
                              {amounts[y] !== undefined ? bahtTh(amounts[y]) : '-'}
                            </td>
                          ))}
                          <td>{p.kpi}</td>
                          <td>{p.expectedResult}</td>
                          <td>{p.agency ?? office.name}</td>
                        </tr>
                      );
                    }),
                    <tr key={`${issue.id}-${w}-total`} className="print-total">
                      <td colSpan={4}>{printTh.total(inPlan.length)}</td>
                      {sumYears(inPlan).map((n, k) => (
                        <td key={k} className="print-num">
                          {bahtTh(n)}
                        </td>
                      ))}
                      <td colSpan={3} />
                    </tr>,
                  ];
                }),
                <tr key={`${issue.id}-total`} className="print-total">
                  <td colSpan={4}>{printTh.strategyTotal(issue.no, list.length)}</td>
                  {sumYears(list).map((n, k) => (
                    <td key={k} className="print-num">
                      {bahtTh(n)}
                    </td>
                  ))}
                  <td colSpan={3} />
                </tr>,
              ];
            })}
            {sections.length > 0 && (
              <tr className="print-total">
                <td colSpan={4}>{printTh.grandTotal}</td>
                {sumYears(sections.flatMap((s) => s.list)).map((n, k) => (
                  <td key={k} className="print-num">
                    {bahtTh(n)}
                  </td>
                ))}
                <td colSpan={3} />
              </tr>
            )}
          </tbody>
        </table>
      </section>
    );
  };

  let body: ReactNode;
  switch (form) {
    case 'pcs':
      body = issues.map((issue) => {
        const rows = pcs.filter((r) => r.issueId === issue.id);
        return (
          <section key={issue.id} className="print-page" data-testid="print-issue">
            <header className="print-head">
              <h1>{printTh.pcsTitle}</h1>
              <h2>{issueTitleTh(issue)}</h2>
              <p>
                {area} — {host.name}
              </p>
            </header>
            <table className="print-table print-pcs">
              <colgroup>
                <col className="w-no" />
                <col className="w-28" />
                <col className="w-22" />
                <col className="w-22" />
                <col />
                <col />
              </colgroup>
              <thead>
                <tr>
                  {pcsHeadings.map((h, i) => (
                    <th key={h} className={i === 0 ? 'print-no' : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={pcsHeadings.length} className="print-none">
                      {printTh.noRows}
                    </td>
                  </tr>
                )}
                {rows.map((row, i) => (
                  <tr key={row.id}>
                    <td className="print-no">{i + 1}</td>
                    <td>{row.problem}</td>
                    <td>
                      <List items={row.causes} />
                    </td>
                    <td>
                      <List items={row.solutions} />
                    </td>
                    <td>
                      <List items={villageNames(row.sourceVillageIds)} plain />
                    </td>
                    <td>
                      <List items={row.evidence.map((e) => e.label)} plain />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      });
      break;
    case 'projects':
      body = issues.map((issue) => {
        const { ranking, rows } = ranked(issue.id);
        let sums = { total: 0, local: 0, agency: 0, province: 0 };
        return (
          <section key={issue.id} className="print-page" data-testid="print-issue">
            <header className="print-head">
              <h1>{printTh.projectsTitle}</h1>
              <h2>{issueTitleTh(issue)}</h2>
              <p>
                {area} — {forumLine}
              </p>
            </header>
            <table className="print-table print-projects">
              <colgroup>
                <col className="w-no" />
                <col className="w-26" />
                <col className="w-money" />
                <col className="w-16" />
                <col className="w-10" />
                <col className="w-12" />
                <col className="w-money" />
                <col className="w-money" />
                <col className="w-money" />
              </colgroup>
              <thead>
                <tr>
                  {projectHeadings.slice(0, 6).map((h) => (
                    <th key={h} rowSpan={2}>
                      {h}
                    </th>
                  ))}
                  <th colSpan={3}>{fundingGroupHeading}</th>
                </tr>
                <tr>
                  {projectHeadings.slice(6).map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ project, rank }, i) => {
                  const col = fundingByColumn(project, settings.funders);
                  const total = projectTotal(project, years);
                  sums = { total: sums.total + total, local: sums.local + col.local, agency: sums.agency + col.agency, province: sums.province + col.province };
                  const firstUnranked = rank === '' && (i === 0 || rows[i - 1]!.rank !== '');
                  return [
                    firstUnranked ? (
                      <tr key={`${project.id}-band`} className="print-band">
                        <td colSpan={9}>{printTh.unranked}</td>
                      </tr>
                    ) : null,
                    <tr key={project.id}>
                      <td className="print-no">{rank}</td>
                      <td>{project.name}</td>
                      <td className="print-num">{bahtTh(total)}</td>
                      <td>{project.target}</td>
                      <td>{project.duration}</td>
                      <td>
                        <List items={villageNames(project.villageIds)} plain />
                      </td>
                      <td className="print-num">{col.local ? bahtTh(col.local) : ''}</td>
                      <td className="print-num">{col.agency ? bahtTh(col.agency) : ''}</td>
                      <td className="print-num">{col.province ? bahtTh(col.province) : ''}</td>
                    </tr>,
                  ];
                })}
                <tr className="print-total">
                  <td />
                  <td>{printTh.total(rows.length)}</td>
                  <td className="print-num">{bahtTh(sums.total)}</td>
                  <td />
                  <td />
                  <td />
                  <td className="print-num">{bahtTh(sums.local)}</td>
                  <td className="print-num">{bahtTh(sums.agency)}</td>
                  <td className="print-num">{bahtTh(sums.province)}</td>
                </tr>
              </tbody>
            </table>
            {ranking.fewerThanMinimum && <p className="print-note print-warning">{fewRankedTh(ranking.ranked.length, minRankedPerIssue)}</p>}
            {ranking.undecidedTies.length > 0 && <p className="print-note">{printTh.tieNote}</p>}
            {decisions
              .filter((d) => d.issueId === issue.id && d.kind === 'tie-break')
              .map((d) => (
                <p key={d.id} className="print-note">
                  {printTh.decision}: {d.rowIds.map((id) => projects.find((p) => p.id === id)?.name).join(' → ')} — {d.note}
                </p>
              ))}
          </section>
        );
      });
      break;
    case 'p02':
      body = settings.offices
        .filter((o) => o.isHost || projects.some((p) => inLocalPlan(p, o, settings.funders)))
        .map((office) => <Fragment key={office.id}>{p02(office)}</Fragment>);
      break;
    case 'register': {
      const counts = attendanceCounts(participants);
      body = (
        <section className="print-page">
          <header className="print-head">
            <h1>
              {printTh.registerTitle}
              {area}
            </h1>
            <p>{forumLine}</p>
          </header>
          <table className="print-table">
            <thead>
              <tr>
                {registerHeadings.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {participants.map((p, i) => {
                const v = p.villageId ? byVillage.get(p.villageId) : undefined;
                const group = issues.find((x) => x.id === p.groupIssueId);
                return (
                  <tr key={p.id}>
                    <td className="print-no">{i + 1}</td>
                    <td>{p.name}</td>
                    <td>{v ? villageShortTh(v) : ''}</td>
                    <td>{roleTh[p.role]}</td>
                    <td>{p.organisation}</td>
                    <td>{group ? `ประเด็นที่ ${group.no}` : ''}</td>
                    <td className="print-no">{p.attended ? '✓' : ''}</td>
                    <td className="print-sign" />
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="print-note">{printTh.attendance(counts.registered, counts.attended)}</p>
        </section>
      );
      break;
    }
    case 'signin':
      body = (
        <section className="print-page">
          <header className="print-head">
            <h1>{printTh.signInTitle}</h1>
            <p>{area}</p>
            <p>{forumLine}</p>
          </header>
          <table className="print-table print-signin">
            <thead>
              <tr>
                {printTh.signInHeadings.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...participants, ...Array.from({ length: 15 }, () => null)].map((p, i) => {
                const v = p?.villageId ? byVillage.get(p.villageId) : undefined;
                return (
                  <tr key={p?.id ?? `blank-${i}`}>
                    <td className="print-no">{i + 1}</td>
                    <td>{p?.name}</td>
                    <td>{v ? villageShortTh(v) : ''}</td>
                    <td>{p ? roleTh[p.role] : ''}</td>
                    <td>{p?.organisation}</td>
                    <td className="print-sign" />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      );
      break;
    case 'groups':
      body = (
        <section className="print-page">
          <header className="print-head">
            <h1>{printTh.groupsTitle}</h1>
            <p>{forumLine}</p>
          </header>
          {issues.map((issue) => {
            const members = participants.filter((p) => p.groupIssueId === issue.id);
            return (
              <div key={issue.id} className="print-group">
                <h2>
                  {issueTitleTh(issue)} <span className="print-muted">({printTh.members(members.length)})</span>
                </h2>
                {members.length === 0 ? (
                  <p className="print-none">{printTh.noMembers}</p>
                ) : (
                  <ol>
                    {members.map((p) => {
                      const v = p.villageId ? byVillage.get(p.villageId) : undefined;
                      return (
                        <li key={p.id}>
                          {p.name} {v ? `(${villageShortTh(v)})` : ''} — {roleTh[p.role]}
                        </li>
                      );
                    })}
                  </ol>
                )}
              </div>
            );
          })}
        </section>
      );
      break;
    case 'agenda':
      body = (
        <section className="print-page">
          <header className="print-head">
            <h1>{printTh.agendaTitle}</h1>
            <p>{area}</p>
          </header>
          <dl className="print-facts">
            <dt>{printTh.date}</dt>
            <dd>{record.heldOn ? formatDateBE(`${record.heldOn}T12:00:00`, 'th') : '…………………………'}</dd>
            <dt>{printTh.place}</dt>
            <dd>{record.place ?? '…………………………'}</dd>
            {record.facilitators && (
              <>
                <dt>{printTh.facilitators}</dt>
                <dd>{record.facilitators}</dd>
              </>
            )}
          </dl>
          <h2>{printTh.agenda}</h2>
          <ol className="print-agenda">
            {(record.agenda ?? '')
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
              .map((line, i) => (
                <li key={i}>
                  <strong>{printTh.agendaItem(i + 1)}</strong> {line}
                </li>
              ))}
          </ol>
        </section>
      );
      break;
  }

  return (
    <article className={portrait.has(form) ? 'print-doc print-portrait' : 'print-doc print-landscape'} lang="th" data-testid="print-document" data-form={form}>
      {body}
    </article>
  );
}

/** Items one per line: numbered when several (as the workbook writes them), plain for names. */
function List({ items, plain }: { items: readonly string[]; plain?: boolean }) {
  if (items.length === 0) return null;
  if (items.length === 1 || plain) {
    return (
      <>
        {items.map((item, i) => (
          <span key={i} className="print-line">
            {item}
          </span>
        ))}
      </>
    );
  }
  return (
    <ol className="print-list">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ol>
  );
}
