# Generated from openapi/fireworks-rft.yaml by templates/api_init.py.jinja: edit those, then run 'make generate'.
"""The API's endpoints, one package per tag of the spec."""
