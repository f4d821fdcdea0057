"""The JSON Schema of the audit report."""
