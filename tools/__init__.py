"""Hand-written helpers of the repository (not part of the published package)."""
