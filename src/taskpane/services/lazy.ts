// The pane's services, loaded on first use: neither the package layer nor the Office adapter, the
// templates or the scoring engine is part of the first-load bundle. Each host gets its own
// implementation module.
import type { HostKind } from "../env";
import type { PaneServices } from "./types";

type Impl = Omit<PaneServices, "host">;

/**
 * The services of `host`. Inside Office before office.js has answered, the pane shows the Excel pane
 * (`host` "excel") while `decided` is still pending: an action taken then waits for it and runs with
 * the implementation of the host it resolves to (index.tsx swaps the services as soon as it does).
 */
export function createServices(
  host: HostKind,
  decided: Promise<HostKind> = Promise.resolve(host),
): PaneServices {
  let pending: Promise<Impl> | null = null;
  const load = (): Promise<Impl> => {
    pending ??= decided.then((h) =>
      h === "excel"
        ? import(/* webpackChunkName: "excel-services" */ "./excel").then((m) => m.excelServices)
        : import(/* webpackChunkName: "preview-services" */ "./preview").then((m) => m.previewServices),
    );
    // A failed chunk load (offline) may be retried by the next click.
    pending.catch(() => (pending = null));
    return pending;
  };
  return {
    host,
    templateForm: async (...a) => (await load()).templateForm(...a),
    validate: async (...a) => (await load()).validate(...a),
    createTemplate: async (...a) => (await load()).createTemplate(...a),
    score: async (...a) => (await load()).score(...a),
    override: async (...a) => (await load()).override(...a),
    scoreBatch: async (...a) => (await load()).scoreBatch(...a),
    overrideInBatch: async (...a) => (await load()).overrideInBatch(...a),
    writeLeague: async (...a) => {
      const impl = await load();
      if (!impl.writeLeague) throw new Error("writeLeague is not available");
      return impl.writeLeague(...a);
    },
    writeScorecard: async (...a) => (await load()).writeScorecard(...a),
    prepareForSharing: async (...a) => (await load()).prepareForSharing(...a),
    restore: async (...a) => (await load()).restore(...a),
    scanBroken: async (...a) => (await load()).scanBroken(...a),
    repairBroken: async (...a) => (await load()).repairBroken(...a),
    setTagged: async (...a) => (await load()).setTagged(...a),
    downloadTagged: async (...a) => (await load()).downloadTagged(...a),
    ...(host === "excel"
      ? {
          selectCell: async (ref: string) => {
            const impl = await load();
            await impl.selectCell?.(ref);
          },
        }
      : {}),
  };
}
