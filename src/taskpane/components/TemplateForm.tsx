import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from "react";
import { usePane } from "../context";
import { fill } from "../i18n";
import { featureList } from "../i18n/features";
import { useCommonStyles } from "../styles";
import type {
  CreateResult,
  FormValues,
  Validation,
  InputFieldView,
  TemplateFormView,
  TemplateKind,
} from "../services/types";
import { templateTitleKey } from "./TemplatesPage";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  fieldset: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  back: { alignSelf: "flex-start" },
});

function initialValues(view: TemplateFormView): FormValues {
  const values: Record<string, string | number> = {};
  for (const f of [...view.common, ...view.specific]) values[f.key] = f.defaultValue;
  return values;
}

function FieldInput(props: {
  field: InputFieldView;
  value: string | number;
  error: string | undefined;
  warning: string | undefined;
  onChange: (value: string | number) => void;
}): ReactElement {
  const { field, value, error, warning, onChange } = props;
  const id = `field-${field.key}`;
  const label = field.unit ? `${field.label} (${field.unit})` : field.label;
  return (
    <Field
      label={label}
      hint={field.hint}
      validationState={error ? "error" : warning ? "warning" : "none"}
      validationMessage={error ?? warning}
      data-field={field.key}
    >
      {field.type === "select" ? (
        <Select id={id} name={field.key} value={String(value)} onChange={(_, d) => onChange(d.value)}>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          id={id}
          name={field.key}
          // Text, not type="number": the browser's number input drops "53%", "1,500" and "46万" (its value
          // reads as empty), which the templates module's reader accepts, as the command line does.
          type="text"
          inputMode={field.type === "number" ? "decimal" : undefined}
          value={String(value)}
          onChange={(_, d) => onChange(d.value)}
        />
      )}
    </Field>
  );
}

export default function TemplateForm({
  kind,
  onBack,
}: {
  kind: TemplateKind;
  onBack: () => void;
}): ReactElement {
  const { t, lang, services, reportError, clearError } = usePane();
  const styles = useStyles();
  const common = useCommonStyles();
  const [view, setView] = useState<TemplateFormView | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [check, setCheck] = useState<Validation>({ errors: {}, warnings: {} });
  const [touched, setTouched] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<CreateResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    services.templateForm(kind, lang).then(
      (v) => {
        if (!live) return;
        setView(v);
        setValues((old) => ({ ...initialValues(v), ...old }));
      },
      (e: unknown) => live && reportError(e),
    );
    return () => {
      live = false;
    };
  }, [services, kind, lang, reportError]);

  // Focus goes to the heading when the form first appears, not when the view is fetched again (the
  // pane switching to Excel mode, a language switch) while the user is typing.
  const focused = useRef(false);
  useEffect(() => {
    if (view && !focused.current) {
      focused.current = true;
      headingRef.current?.focus();
    }
  }, [view]);

  // Validate as the user types (once they have started), so the reason sits beside the field before
  // anything touches the workbook.
  useEffect(() => {
    if (!view || !touched) return;
    let live = true;
    services.validate(kind, values, lang).then(
      (v) => live && setCheck(v),
      (e: unknown) => live && reportError(e),
    );
    return () => {
      live = false;
    };
  }, [services, kind, values, lang, view, touched, reportError]);

  const title = t[templateTitleKey(kind)];

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (progress !== null) return;
    clearError();
    setDone(null);
    setNotice(null);
    setTouched(true);
    try {
      const found = await services.validate(kind, values, lang);
      setCheck(found);
      const firstBad = Object.keys(found.errors)[0];
      if (firstBad !== undefined) {
        setNotice(t.fixErrors);
        formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(firstBad)}"]`)?.focus();
        return;
      }
      setProgress(0);
      const result = await services.createTemplate(kind, values, lang, (f) => setProgress(f));
      setDone(result);
    } catch (e) {
      reportError(e);
    } finally {
      setProgress(null);
    }
  }

  const change = (key: string) => (value: string | number) => {
    setTouched(true);
    setValues((old) => ({ ...old, [key]: value }));
  };

  const fieldset = (legend: string, fields: TemplateFormView["common"]): ReactElement => (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {fields.map((f) => (
        <FieldInput
          key={f.key}
          field={f}
          value={values[f.key] ?? ""}
          error={check.errors[f.key]}
          warning={check.warnings[f.key]}
          onChange={change(f.key)}
        />
      ))}
    </fieldset>
  );

  return (
    <section className={common.page} aria-labelledby="form-heading">
      <Button className={styles.back} appearance="subtle" onClick={onBack}>
        ← {t.back}
      </Button>
      <h2 id="form-heading" className={common.heading} tabIndex={-1} ref={headingRef}>
        {fill(t.formHeading, { template: title })}
      </h2>
      {view === null ? (
        <Spinner size="small" label={t.loading} />
      ) : (
        <form
          ref={formRef}
          className={styles.form}
          onSubmit={(e) => void submit(e)}
          noValidate
          data-testid="template-form"
        >
          {fieldset(t.commonSection, view.common)}
          {view.specific.length > 0 && fieldset(t.specificSection, view.specific)}
          {notice !== null && (
            <MessageBar intent="warning">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          <div className={common.row}>
            <Button type="submit" appearance="primary" disabled={progress !== null} data-testid="create">
              {services.host === "excel" ? t.create : t.download}
            </Button>
          </div>
          {progress !== null && (
            <Field validationMessage={t.creating} validationState="none">
              <ProgressBar value={progress} max={1} aria-label={t.creating} />
            </Field>
          )}
          <div aria-live="polite">
            {done !== null && (
              <MessageBar intent="success" data-testid="create-done">
                <MessageBarBody>
                  {done.kind === "sheet"
                    ? fill(t.created, { sheet: done.sheet })
                    : fill(t.downloaded, { file: done.file })}
                  {done.kind === "sheet" && done.skipped && done.skipped.length > 0
                    ? ` ${fill(t.skippedFeatures, { list: featureList(done.skipped, lang) })}`
                    : ""}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
