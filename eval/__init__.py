"""Evaluation harness: measures the auditor against labelled sets in ../shared/data (never shipped)."""
