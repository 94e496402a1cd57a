// Conformance runner entry point; filled in with the Liquid engine.
return 0;
