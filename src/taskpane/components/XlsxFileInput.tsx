import { makeStyles } from "@fluentui/react-components";
import { forwardRef, useCallback, type ForwardedRef } from "react";

const useStyles = makeStyles({ hidden: { display: "none" } });

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Props =
  | { readonly testId: string; readonly onFile: (file: File) => void }
  /** Several files, or (folder) every file of a folder and its subfolders. */
  | { readonly testId: string; readonly onFiles: (files: File[]) => void; readonly folder?: boolean };

/**
 * The hidden file input behind an "Open…" button: the button is what keyboard and screen-reader users
 * reach, so the input stays out of the tab order. Its value is cleared after each pick so choosing the
 * same file again still reports it.
 */
export const XlsxFileInput = forwardRef<HTMLInputElement, Props>(function XlsxFileInput(
  props,
  ref: ForwardedRef<HTMLInputElement>,
) {
  const styles = useStyles();
  const folder = "onFiles" in props && props.folder === true;
  // webkitdirectory is not a React prop; it is set on the element (every engine Office uses has it).
  const attach = useCallback(
    (el: HTMLInputElement | null) => {
      if (el) el.webkitdirectory = folder;
      if (typeof ref === "function") ref(el);
      else if (ref) ref.current = el;
    },
    [folder, ref],
  );
  return (
    <input
      ref={attach}
      className={styles.hidden}
      type="file"
      tabIndex={-1}
      aria-hidden="true"
      accept={folder ? undefined : XLSX_TYPES}
      multiple={"onFiles" in props}
      data-testid={props.testId}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = "";
        if ("onFiles" in props) {
          if (files.length > 0) props.onFiles(files);
        } else if (files[0]) props.onFile(files[0]);
      }}
    />
  );
});
