"""Entry point: `python -m bench [--quick] [--out-dir DIR]`."""

from bench.run import main

raise SystemExit(main())
