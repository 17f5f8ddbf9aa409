export declare const providers: readonly ['sqlite', 'postgresql'];
export declare function schemaFor(provider: 'sqlite' | 'postgresql', text?: string): string;
export declare function schemaFile(provider: 'sqlite' | 'postgresql'): string;
export declare function cliEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export declare function runPrisma(args: string[], extra?: Record<string, string>): import('node:child_process').SpawnSyncReturns<Buffer>;
