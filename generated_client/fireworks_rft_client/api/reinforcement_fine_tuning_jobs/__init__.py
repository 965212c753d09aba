# Generated from openapi/fireworks-rft.yaml by templates/endpoint_init.py.jinja: edit those, then run 'make generate'.
"""Endpoint functions of one tag of the spec: one module per operation."""
