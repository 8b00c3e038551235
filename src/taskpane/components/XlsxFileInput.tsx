import { makeStyles } from "@fluentui/react-components";
import { forwardRef } from "react";

const useStyles = makeStyles({ hidden: { display: "none" } });

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Props {
  readonly testId: string;
  readonly onFile: (file: File) => void;
}

/**
 * The hidden file input behind an "Open…" button: the button is what keyboard and screen-reader users
 * reach, so the input stays out of the tab order. Its value is cleared after each pick so choosing the
 * same file again still reports it.
 */
export const XlsxFileInput = forwardRef<HTMLInputElement, Props>(function XlsxFileInput(
  { testId, onFile },
  ref,
) {
  const styles = useStyles();
  return (
    <input
      ref={ref}
      className={styles.hidden}
      type="file"
      tabIndex={-1}
      aria-hidden="true"
      accept={XLSX_TYPES}
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = "";
        if (file) onFile(file);
      }}
    />
  );
});
