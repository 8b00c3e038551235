// dealer-mkt: the add-in's work for people without Excel or the add-in.
// Each subcommand lives in its own module and is loaded only when used.
import { fill, isLang, L, langFromEnv, type Lang } from "../core/lang";
import { printable } from "../core/printable";

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<{ run: Command }>> = {
  template: () => import("./template"),
  score: () => import("./score"),
  share: () => import("./share"),
};

// The usage in the user's language: --lang anywhere on the line, else the environment (LC_ALL,
// LC_MESSAGES, LANG, in POSIX order).
function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf("--lang");
  const given = i >= 0 ? argv[i + 1] : undefined;
  return given !== undefined && isLang(given) ? given : langFromEnv(process.env);
}

const lines = [
  "dealer-mkt template <plan|budget|event|funnel> --out FILE.xlsx [--lang zh-CN|en-US] [--force]",
  "dealer-mkt score FILE... [--json | --csv] [--out DIR] [--report LEAGUE.xlsx] [--force] [--lang zh-CN|en-US]",
  "dealer-mkt share IN.xlsx --out OUT.xlsx [--force]",
  "dealer-mkt share --restore IN.xlsx --out OUT.xlsx [--force]",
  "dealer-mkt share --check IN.xlsx",
  "dealer-mkt share --tag [--prepare] IN.xlsx --out OUT.xlsx [--force]",
];

const T = {
  usage: L("用法：", "Usage:"),
  unknown: L("dealer-mkt：没有「{name}」这个命令。", "dealer-mkt: unknown command '{name}'."),
  failed: L("dealer-mkt：{message}", "dealer-mkt: {message}"),
};

const usage = (lang: Lang): string => [T.usage[lang], ...lines.map((l) => "  " + l)].join("\n");

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const lang = langOf(argv);
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(usage(lang) + "\n");
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`${fill(T.unknown[lang], { name: printable(name, 80) })}\n${usage(lang)}\n`);
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
    const message = printable(err instanceof Error ? err.message : String(err));
    process.stderr.write(fill(T.failed[langOf(process.argv.slice(2))], { message }) + "\n");
    process.exitCode = 1;
  },
);
