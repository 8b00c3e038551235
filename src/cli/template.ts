export async function run(_args: string[]): Promise<number> {
  process.stderr.write("dealer-mkt template: not available yet\n");
  return 1;
}
