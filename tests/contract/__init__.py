"""Contract tests: the reference page, the spec, the generated code and the wire agree."""
