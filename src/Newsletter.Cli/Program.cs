// Entry point of the `newsletter` command; the command table is filled in as the core lands.
return 0;
