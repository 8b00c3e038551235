import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { usePane } from "../context";
import { useCommonStyles } from "../styles";
import type { ShareCellView } from "../services/types";

// The Share page's styles (SharePage.tsx and ShareBrokenCheck.tsx use them too) and its list of
// cells: each cell with its formula as typed and what happened to it.

export const useShareStyles = makeStyles({
  report: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  cells: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    maxHeight: "16rem",
    overflowY: "auto",
  },
  cell: { marginBottom: tokens.spacingVerticalXS },
  formula: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

export function CellList(props: {
  title: string;
  cells: readonly ShareCellView[];
  testId: string;
}): ReactElement {
  const { t } = usePane();
  const styles = useShareStyles();
  const common = useCommonStyles();
  return (
    <div data-testid={props.testId} data-count={props.cells.length}>
      <h3 className={common.subheading}>
        {props.title} ({props.cells.length})
      </h3>
      {props.cells.length === 0 ? (
        <p className={common.muted}>{t.noCells}</p>
      ) : (
        // A scrolling region: focusable so keyboard users can scroll it.
        <ul className={styles.cells} tabIndex={0} aria-label={props.title}>
          {props.cells.map((c) => (
            <li key={c.cell} className={styles.cell}>
              <strong>{c.cell}</strong> <span className={styles.formula}>{c.original}</span>
              <br />
              <span className={common.muted}>{c.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
