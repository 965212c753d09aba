"""`make bench`: what the generated client adds on top of httpx, side by side with the official SDK.

Run `python -m bench --help` (with `generated_client` and the repo root on PYTHONPATH).
"""
