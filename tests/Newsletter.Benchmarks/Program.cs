// Benchmarks entry point: every suite in this assembly is selectable with --filter.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
