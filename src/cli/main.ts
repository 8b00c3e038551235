// dealer-mkt: the add-in's work for people without Excel or the add-in.
// Each subcommand lives in its own module and is loaded only when used.
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<{ run: Command }>> = {
  template: () => import("./template"),
  score: () => import("./score"),
  share: () => import("./share"),
};

const usage = `Usage:
  dealer-mkt template <plan|budget|event|funnel> --out FILE.xlsx [--lang zh-CN|en-US]
  dealer-mkt score FILE... [--json | --csv] [--out DIR] [--lang zh-CN|en-US]
  dealer-mkt share IN.xlsx --out OUT.xlsx
  dealer-mkt share --restore IN.xlsx --out OUT.xlsx
  dealer-mkt share --check IN.xlsx
  dealer-mkt share --tag [--prepare] IN.xlsx --out OUT.xlsx`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(usage + "\n");
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`dealer-mkt: unknown command '${name}'\n${usage}\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`dealer-mkt: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
