// Node/V8 flags the VS Code client starts the language server with. The benchmark (scripts/bench)
// starts the server with the same list, so what it measures is what users run.
//
// The server holds little live data (≈10 MB of heap with 100 open reports) but allocates a lot of
// short-lived objects per check; what decides its memory is how the garbage collector and the
// compilers treat that churn (figures in README, Performance):
// - --max-semi-space-size=1: a 1 MB young generation (V8's default grows to 16 MB per semi-space).
// - --max-opt=1: no optimizing compiler (TurboFan); Sparkplug baseline code only. TurboFan's
//   compiler pages, compile zones and the old-space pretenuring its code does for the parser's
//   temporaries cost ≈20 MB of RSS; typical reports check in ≈1.5 ms without it (p95 latency is
//   steadier too), very large documents about twice as slowly.
// - --optimize-for-size: collect the old generation before it grows far beyond what is live.
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1', '--max-opt=1', '--optimize-for-size'];
