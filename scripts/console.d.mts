export declare const CONSOLE_BUDGET_BYTES: number;
export interface ConsoleSize {
  /** Bytes of JavaScript. */
  bytes: number;
  /** The same, gzipped. */
  gzipped: number;
}
export declare function describeSize(size: ConsoleSize): string;
export declare function buildConsole(outdir?: string): Promise<ConsoleSize>;
