import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, useRef, useState, type ReactElement } from "react";
import { usePane } from "../context";
import type { StringKey } from "../i18n";
import { useCommonStyles } from "../styles";
import { TEMPLATE_KINDS, type TemplateKind } from "../services/types";

// The form pulls in the templates module (field descriptions and validation); load it on first use.
const TemplateForm = lazy(() => import(/* webpackChunkName: "template-form" */ "./TemplateForm"));

const TITLES: Record<TemplateKind, { title: StringKey; description: StringKey }> = {
  plan: { title: "templatePlan", description: "templatePlanDesc" },
  budget: { title: "templateBudget", description: "templateBudgetDesc" },
  event: { title: "templateEvent", description: "templateEventDesc" },
  funnel: { title: "templateFunnel", description: "templateFunnelDesc" },
};

export function templateTitleKey(kind: TemplateKind): StringKey {
  return TITLES[kind].title;
}

const useStyles = makeStyles({
  gallery: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))",
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  cardText: {
    flexGrow: 1,
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  cardButton: {
    alignSelf: "flex-start",
  },
});

export function TemplatesPage(): ReactElement {
  const { t } = usePane();
  const styles = useStyles();
  const common = useCommonStyles();
  const [kind, setKind] = useState<TemplateKind | null>(null);
  const lastChosen = useRef<TemplateKind | null>(null);

  if (kind !== null) {
    return (
      <TemplateForm
        kind={kind}
        onBack={() => {
          lastChosen.current = kind;
          setKind(null);
        }}
      />
    );
  }
  return (
    <section className={common.page} aria-labelledby="gallery-heading">
      <h2 id="gallery-heading" className={common.heading}>
        {t.galleryHeading}
      </h2>
      <p className={common.muted}>{t.galleryIntro}</p>
      <ul className={styles.gallery}>
        {TEMPLATE_KINDS.map((k) => (
          <li key={k} className={styles.card} data-template={k}>
            <h3 id={`template-${k}-title`} className={common.subheading}>
              {t[TITLES[k].title]}
            </h3>
            <p id={`template-${k}-desc`} className={styles.cardText}>
              {t[TITLES[k].description]}
            </p>
            <Button
              className={styles.cardButton}
              appearance="primary"
              aria-describedby={`template-${k}-title`}
              data-testid={`choose-${k}`}
              // Returning from the form puts focus back on the card the user came from.
              ref={(el) => {
                if (el && lastChosen.current === k) {
                  lastChosen.current = null;
                  el.focus();
                }
              }}
              onClick={() => setKind(k)}
            >
              {t.choose}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
