// Registers every built-in stage. Import this once before loading pipelines.
