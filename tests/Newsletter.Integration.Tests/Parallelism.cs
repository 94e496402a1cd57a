// Fixtures run side by side: each has its own temporary workspace, its own free ports and its own peers.
// Those that share something (a machine-wide Dovecot, sends killed at random moments) say [NonParallelizable].

// Three at a time on two cores: a fixture often waits on a server, a browser or a child process.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(3)]
