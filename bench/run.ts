/**
 * `npm run bench [name…]`: runs each benchmark's `run()` and prints one table.
 * A new benchmark is a file exporting `run(): Promise<BenchResult[]>` and one line below.
 */
export type BenchResult = { metric: string; value: number; unit: string; note?: string };

const benches: { name: string; load: () => Promise<{ run(): Promise<BenchResult[]> }> }[] = [
  { name: 'notifications', load: () => import('./notifications.ts') },
  { name: 'scheduling', load: () => import('./scheduling.ts') },
];

async function main(names: string[]): Promise<void> {
  const chosen = names.length > 0 ? benches.filter((bench) => names.includes(bench.name)) : benches;
  const rows: string[][] = [];
  for (const bench of chosen) {
    process.stderr.write(`running ${bench.name}…\n`);
    const results = await (await bench.load()).run();
    for (const result of results) {
      rows.push([bench.name, result.metric, formatValue(result.value), result.unit, result.note ?? '']);
    }
  }
  printTable(['bench', 'metric', 'value', 'unit', 'note'], rows);
}

function formatValue(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  process.stdout.write(
    `${[line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')}\n`,
  );
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
