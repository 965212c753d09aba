"""Hypothesis profiles for the contract tests."""

from hypothesis import Phase, settings

# test_guards_bite.py runs the round trip on a broken copy: it needs the failure, not the
# smallest example of it, and shrinking a large JSON payload takes most of a minute.
settings.register_profile("no-shrink", phases=[Phase.explicit, Phase.reuse, Phase.generate])
# ... and to show that the drawn payloads alone catch a break, without the explicit examples.
settings.register_profile("drawn-only", phases=[Phase.generate])
