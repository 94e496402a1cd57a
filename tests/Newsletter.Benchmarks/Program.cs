// Benchmarks entry point; BenchmarkDotNet suites are added per stage.
return 0;
