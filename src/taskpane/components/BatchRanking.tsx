import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MutableRefObject, ReactElement } from "react";
import { CRITERIA, type CriterionScore } from "../../core/rubric";
import { usePane } from "../context";
import { fill } from "../i18n";
import { batchStrings } from "../i18n/batch";
import type { BatchPlan } from "../services/types";
import { useCommonStyles } from "../styles";

// The ranking of a batch (BatchScore.tsx): one row a plan, best first as the services rank them,
// with each criterion's score (* overridden, † needs a person) and the plan's top suggestion; a
// dealer's button opens that plan's details.

const useStyles = makeStyles({
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    minWidth: "100%",
  },
  caption: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  cell: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "start",
    verticalAlign: "top",
  },
  number: { textAlign: "end", whiteSpace: "nowrap" },
  top: { minWidth: "14em" },
  dealer: { justifyContent: "flex-start", textAlign: "start", minWidth: "6em", paddingLeft: 0 },
});

export function Ranking(props: {
  plans: readonly BatchPlan[];
  onOpen: (file: string) => void;
  /** Coming back from a plan's details puts focus on its row's button (once). */
  returnTo: MutableRefObject<string | null>;
}): ReactElement {
  const { lang, t } = usePane();
  const b = batchStrings(lang);
  const styles = useStyles();
  const common = useCommonStyles();
  const cell = styles.cell;
  const num = mergeClasses(styles.cell, styles.number);
  const marks = { overridden: false, needsPerson: false };
  const shown = (p: BatchPlan, c: CriterionScore): string => {
    const o = p.score.overrides[c.id];
    if (o) marks.overridden = true;
    else if (c.needsPerson) marks.needsPerson = true;
    return o ? `${o.score}*` : `${c.auto}${c.needsPerson ? "†" : ""}`;
  };
  const rows = props.plans.map((p, i) => (
    <tr key={p.file} data-testid="batch-row" data-file={p.file} data-total={p.score.total}>
      <td className={num}>{i + 1}</td>
      <th scope="row" className={cell}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.dealer}
          onClick={() => props.onOpen(p.file)}
          aria-label={fill(b.openDetails, { dealer: p.dealer })}
          data-testid="batch-open"
          ref={(el) => {
            if (el && props.returnTo.current === p.file) {
              props.returnTo.current = null;
              el.focus();
            }
          }}
        >
          {p.dealer}
        </Button>
      </th>
      <td className={num}>
        {p.score.total}/{p.score.max}
      </td>
      <td className={num}>{p.score.percent}%</td>
      {p.score.criteria.map((c) => (
        <td key={c.id} className={num} data-criterion={c.id}>
          {shown(p, c)}
        </td>
      ))}
      <td className={mergeClasses(styles.cell, styles.top)} data-testid="batch-top">
        {p.top ? `C${p.top.criterion} ${p.top.suggestion[lang]}` : b.nothingToFix}
      </td>
    </tr>
  ));
  return (
    <>
      {/* Scrolls sideways in a narrow pane; focusable so keyboard users can scroll it too. */}
      <div className={styles.scroller} role="region" aria-labelledby="batch-caption" tabIndex={0}>
        <table className={styles.table} data-testid="batch-ranking">
          <caption id="batch-caption" className={styles.caption}>
            {b.rankingCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={num}>
                {b.colRank}
              </th>
              <th scope="col" className={cell}>
                {b.colDealer}
              </th>
              <th scope="col" className={num}>
                {b.colTotal}
              </th>
              <th scope="col" className={num}>
                {b.colPercent}
              </th>
              {CRITERIA.map((c) => (
                <th scope="col" key={c.id} className={num}>
                  <abbr title={c.name[lang]}>C{c.id}</abbr>
                </th>
              ))}
              <th scope="col" className={cell}>
                {b.colTop}
              </th>
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
      {marks.overridden && <p className={common.muted}>{b.overriddenMark}</p>}
      {marks.needsPerson && <p className={common.muted}>{b.needsPersonMark}</p>}
      <p className={common.muted}>{CRITERIA.map((c) => `C${c.id} ${c.name[lang]}`).join(t.listSeparator)}</p>
    </>
  );
}
